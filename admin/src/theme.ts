// Mantine theme: a deep blue that keeps white text above 4.5:1 (WCAG AA), darker "dimmed" text.
import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

const ttdn: MantineColorsTuple = ['#eaf2fb', '#d5e3f4', '#a9c5e9', '#7aa5de', '#548ad4', '#3b79cf', '#2d6fcd', '#1f5eb6', '#16529f', '#0b3f80'];

// Mantine's "light" and "outline" variants put a mid shade on a pale tint: below 4.5:1 for most
// colours. Darken their text so badges, alerts and light buttons pass WCAG AA.
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color) return base;
  if (input.variant === 'filled') {
    // White text on the default shade 6 of red, green, gray… is about 3:1; the primary colour is
    // already dark enough (shade 7), and an explicit shade ("red.9") is taken as meant.
    if (parsed.color === input.theme.primaryColor || input.color?.includes('.')) return base;
    const bg = darken(input.theme.colors[parsed.color][9], 0.15);
    return { ...base, background: bg, hover: darken(bg, 0.1), color: 'var(--mantine-color-white)' };
  }
  if (input.variant !== 'light' && input.variant !== 'outline' && input.variant !== 'subtle') return base;
  const text = darken(input.theme.colors[parsed.color][9], 0.35);
  return { ...base, color: text, hoverColor: text, ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}) };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'ttdn',
  primaryShade: 7,
  colors: { ttdn },
  autoContrast: true,
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  components: {
    // Sentence case reads better in Vietnamese; never let a table squeeze a badge into "…".
    Badge: { defaultProps: { tt: 'none' }, styles: { root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible' } } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (th) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': th.colors.gray[7],
    // Field errors: red 6 on white is 3.3:1; red 9 passes AA.
    '--mantine-color-error': th.colors.red[9],
    '--mantine-color-placeholder': th.colors.gray[6],
  },
  dark: {},
});
