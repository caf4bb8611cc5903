// A table that scrolls sideways on narrow screens; the scroller is a named, focusable region so
// keyboard users can scroll it too.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function TableScroll({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
