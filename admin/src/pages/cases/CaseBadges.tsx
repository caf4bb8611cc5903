// Small badges of a case: its status, its severity, and an agency's deadline countdown.
import { Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { useI18n } from '../../i18n';
import { countdown, SEVERITY_COLORS, severityLabel, STATUS_COLORS, statusLabel } from './types';

export function CaseStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" data-testid="case-status" data-status={status}>
      {statusLabel(t, status)}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useI18n();
  return (
    <Badge color={SEVERITY_COLORS[severity] ?? 'gray'} variant={severity === 'critical' ? 'filled' : 'outline'} data-testid="case-severity">
      {severityLabel(t, severity)}
    </Badge>
  );
}

/** The countdown of one deadline: dimmed due date and a coloured "còn n ngày" / "quá hạn n ngày". */
export function DeadlineBadge({
  d,
  showDate = true,
}: {
  d: { dueDate: string; answered: boolean; answeredOnTime: boolean | null; overdue: boolean };
  showDate?: boolean;
}) {
  const { t, formatDate } = useI18n();
  const c = countdown(t, d);
  return (
    <Group gap={6} wrap="nowrap" data-testid="deadline" data-overdue={c.overdue || undefined}>
      <Badge
        color={c.color}
        variant={c.overdue ? 'filled' : 'light'}
        leftSection={c.overdue ? <IconAlertTriangle size={12} aria-hidden /> : <IconClock size={12} aria-hidden />}
        style={{ flexShrink: 0 }}
      >
        {c.text}
      </Badge>
      {showDate && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('cases.dueOn', { date: formatDate(`${d.dueDate}T12:00:00+07:00`) })}
        </Text>
      )}
    </Group>
  );
}
