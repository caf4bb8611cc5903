// The focal point of an image: a click on the image puts the marker there; the two number fields
// next to it (per cent from the left and from the top) do the same from the keyboard.
import { Group, NumberInput, Stack, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useI18n } from '../../i18n';

export interface FocalPoint {
  x: number;
  y: number;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const round = (v: number) => Math.round(clamp(v) * 100) / 100;

/** The image with the marker; clicking sets the point (the number fields are the keyboard way). */
export function FocalImage({
  src,
  alt,
  value,
  onChange,
  disabled,
}: {
  src: string;
  alt: string;
  value: FocalPoint;
  onChange?: (p: FocalPoint) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const pick = (e: MouseEvent<HTMLDivElement>) => {
    if (disabled || !onChange) return;
    const r = e.currentTarget.getBoundingClientRect();
    if (!r.width || !r.height) return;
    onChange({ x: round((e.clientX - r.left) / r.width), y: round((e.clientY - r.top) / r.height) });
  };
  return (
    <Stack gap={4}>
      <div className="focal-picker" onClick={pick} data-testid="focal-picker" style={disabled || !onChange ? { cursor: 'default' } : undefined}>
        <img src={src} alt={alt} />
        <span className="focal-marker" style={{ left: `${value.x * 100}%`, top: `${value.y * 100}%` }} aria-hidden data-testid="focal-marker" />
      </div>
      {onChange && !disabled && (
        <Text size="xs" c="dimmed">
          {t('media.focal.clickHint')}
        </Text>
      )}
    </Stack>
  );
}

export function FocalInputs({ value, onChange, disabled }: { value: FocalPoint; onChange: (p: FocalPoint) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const field = (axis: 'x' | 'y') => (
    <NumberInput
      label={t(axis === 'x' ? 'media.focal.x' : 'media.focal.y')}
      value={Math.round(value[axis] * 100)}
      onChange={(v) => {
        const n = typeof v === 'number' ? v : Number(v);
        if (Number.isFinite(n)) onChange({ ...value, [axis]: round(n / 100) });
      }}
      min={0}
      max={100}
      step={1}
      clampBehavior="strict"
      allowDecimal={false}
      suffix=" %"
      disabled={disabled}
      w={150}
      data-testid={`focal-${axis}`}
    />
  );
  return (
    <Group gap="sm" align="flex-end">
      {field('x')}
      {field('y')}
    </Group>
  );
}
