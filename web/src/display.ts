/**
 * 长辈版 the senior mode (适老化): larger type, darker text, bigger touch targets and a shorter menu,
 * switched in one tap in the header and remembered in localStorage. Both modes keep every text at
 * 4.5:1 or more against the page (WCAG AA): antd's default secondary grey (#8c8c8c, 3.4:1) is
 * darkened here, the tests' axe-core checks hold it.
 */
import { createContext, useContext } from 'react';
import type { ThemeConfig } from 'antd';

export type DisplayMode = 'standard' | 'senior';

/** text colours as black over white; 0.6 is #666 (5.7:1), still 4.5:1 over antd's grey table headers */
const STANDARD: ThemeConfig = {
  token: {
    colorPrimary: '#1560bd',
    // antd's links are its info blue (#1677ff, 4.1:1): the primary's 6:1 instead
    colorLink: '#1560bd',
    // danger buttons and error texts: antd's #ff4d4f is 3.3:1
    colorError: '#cf1322',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorTextLabel: 'rgba(0, 0, 0, 0.65)',
  },
};

/** 18 px base text and 44 px touch targets (WCAG 2.5.5), text near black */
const SENIOR: ThemeConfig = {
  token: {
    ...STANDARD.token,
    colorPrimary: '#0d4f9e',
    colorLink: '#0d4f9e',
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    fontSizeHeading4: 22,
    fontSizeHeading5: 20,
    controlHeight: 44,
    controlHeightSM: 36,
    controlHeightLG: 52,
    colorText: 'rgba(0, 0, 0, 0.92)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.8)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.75)',
    colorTextDescription: 'rgba(0, 0, 0, 0.75)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.62)',
    colorTextLabel: 'rgba(0, 0, 0, 0.8)',
  },
  components: {
    Menu: { itemHeight: 52, iconSize: 20 },
    Table: { cellPaddingBlock: 14 },
  },
};

export const THEMES: Record<DisplayMode, ThemeConfig> = { standard: STANDARD, senior: SENIOR };

const MODE_KEY = 'yibao.display';

export function initialDisplayMode(): DisplayMode {
  try {
    return localStorage.getItem(MODE_KEY) === 'senior' ? 'senior' : 'standard';
  } catch {
    return 'standard';
  }
}

export function saveDisplayMode(mode: DisplayMode): void {
  try {
    localStorage.setItem(MODE_KEY, mode);
  } catch {
    // storage unavailable: the mode lasts until the page is closed
  }
}

export interface Display {
  mode: DisplayMode;
  setMode: (mode: DisplayMode) => void;
}

export const DisplayContext = createContext<Display>({ mode: 'standard', setMode: () => undefined });

export const useDisplay = (): Display => useContext(DisplayContext);
