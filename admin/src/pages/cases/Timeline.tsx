// The case's timeline: every step (opening, edits, sightings, evidence, situation updates,
// notifications, extensions, material, responses, transitions, the clarification), newest first.
import { Text, Timeline as MTimeline } from '@mantine/core';
import { useI18n, type MessageKey } from '../../i18n';
import type { Case, CaseEvent } from '../../api/cases';
import { formLabel, statusLabel, useAgencyNames } from './types';

const KNOWN = [
  'open',
  'edit',
  'sighting',
  'attachment',
  'attachment_removed',
  'situation',
  'notify',
  'extend',
  'material',
  'response',
  'status',
  'transition',
  'clarification',
];

export function Timeline({ c }: { c: Case }) {
  const { t, formatDateTime } = useI18n();
  const names = useAgencyNames();
  const events = [...c.timeline].sort((a, b) => b.at.localeCompare(a.at));
  const day = (d: unknown) => (typeof d === 'string' ? d.split('-').reverse().join('/') : '');
  const detail = (e: CaseEvent): string => {
    const d = e.data as Record<string, unknown>;
    const agency = typeof d.agencyId === 'string' ? names.name(d.agencyId) : '';
    switch (e.kind) {
      case 'notify':
        return t('cases.ev.notifyDetail', { agency, date: day(d.dueDate) });
      case 'extend':
        return t('cases.ev.extendDetail', { agency, from: day(d.from), to: day(d.to), reason: String(d.reason ?? '') });
      case 'material':
        return `${agency} — ${d.onTime ? t('cases.onTime') : t('cases.late')}`;
      case 'response':
        return `${agency} — ${formLabel(t, String(d.form))} (${day(d.date)})`;
      case 'status':
      case 'transition':
        return `${statusLabel(t, String(d.from))} → ${statusLabel(t, String(d.to))}${d.reason ? ` — ${String(d.reason)}` : ''}`;
      case 'sighting':
        return String(d.url ?? '');
      case 'attachment':
      case 'attachment_removed':
        return String(d.label || d.url || '');
      case 'situation':
        return e.text;
      case 'clarification':
        return Array.isArray(d.languages) ? d.languages.join(', ') : '';
      default:
        return e.text;
    }
  };
  return (
    <MTimeline bulletSize={14} lineWidth={2} data-testid="case-timeline">
      {events.map((e) => (
        <MTimeline.Item key={e.id} title={KNOWN.includes(e.kind) ? t(`cases.ev.${e.kind}` as MessageKey) : e.kind}>
          {detail(e) && (
            <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {detail(e)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)} · {e.actorLabel}
            {e.actorAgencyId && names.name(e.actorAgencyId) !== e.actorLabel ? ` (${names.name(e.actorAgencyId)})` : ''}
          </Text>
        </MTimeline.Item>
      ))}
    </MTimeline>
  );
}
