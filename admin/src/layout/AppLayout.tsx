// The signed-in frame: header (name, language, user menu), role-aware navbar (a drawer on phones).
import { AppShell, Avatar, Burger, Button, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';
import classes from './layout.module.css';
import { navFor } from './nav';
import { NotificationBell } from './NotificationBell';

export function AppLayout() {
  const { t } = useI18n();
  const { user, role } = useMe();
  const { signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const mainRef = useRef<HTMLElement>(null);

  // A new screen: close the phone menu.
  useEffect(() => close(), [location.pathname, close]);

  const entries = navFor(role);
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(to + '/'));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <a
        href="#main"
        className={classes.skipLink}
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.menu')} aria-expanded={opened} aria-controls="main-nav" />
            <Link to="/" className={classes.brandLink}>
              {isPhone ? t('app.shortName') : t('app.name')}
            </Link>
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitch compact={isPhone} />
            <NotificationBell />
            <Menu position="bottom-end" width={220} withinPortal={false} withInitialFocusPlaceholder={false}>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu" style={{ color: 'white' }} px={6} py={4}>
                  <Group gap={6} wrap="nowrap">
                    <span aria-hidden="true">
                      <Avatar size={30} radius="xl" color="white" variant="filled">
                        <Text fw={700} c="ttdn.9" size="sm">
                          {initials(user.displayName)}
                        </Text>
                      </Avatar>
                    </span>
                    {isPhone ? (
                      <VisuallyHidden>{user.displayName}</VisuallyHidden>
                    ) : (
                      <Text size="sm" fw={500} maw={180} truncate="end">
                        {user.displayName}
                      </Text>
                    )}
                    <VisuallyHidden>{t('app.userMenu')}</VisuallyHidden>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} onClick={() => navigate('/profile')}>
                  {t('nav.profile')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()} data-testid="sign-out">
                  {t('nav.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" id="main-nav" component="nav" aria-label={t('app.mainNav')}>
        <AppShell.Section grow component={ScrollArea}>
          {entries.map((e) => (
            <NavLink
              key={e.label}
              component={Link}
              to={e.to}
              label={t(e.label)}
              leftSection={<e.icon size={18} aria-hidden />}
              active={isActive(e.to)}
              aria-current={isActive(e.to) ? 'page' : undefined}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Button
            variant="subtle"
            color="gray"
            fullWidth
            justify="flex-start"
            leftSection={<IconLogout size={18} aria-hidden />}
            onClick={() => void signOut()}
          >
            {t('nav.signOut')}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" ref={mainRef} tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function initials(name: string) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : (words[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}
