// Switches the UI between Vietnamese and English; remembered on this browser and, when signed
// in without a pending step, saved as the account's language.
import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { authRequests } from '../api/auth';
import type { SessionState } from '../api/client';
import { queryClient, SESSION_KEY } from '../api/query';
import { setLang, useI18n, type Lang } from '../i18n';

export function switchLanguage(lang: Lang) {
  setLang(lang);
  const s = queryClient.getQueryData<SessionState | null>(SESSION_KEY);
  if (s && !s.pending && s.user.locale !== lang) {
    // the switch itself is done: a refused save of the preference is not worth a message
    authRequests.updateProfile({ locale: lang }).catch(() => undefined);
  }
}

export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { lang } = useI18n();
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const label = other === 'en' ? 'English' : 'Tiếng Việt';
  return (
    <Button
      variant="subtle"
      size="compact-md"
      leftSection={<IconLanguage size={18} aria-hidden />}
      onClick={() => switchLanguage(other)}
      lang={other}
      data-testid="language-switch"
    >
      {compact ? other.toUpperCase() : label}
    </Button>
  );
}
