/** localStorage that never throws (private mode, disabled storage). */
export const storage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Remembering is a convenience; the UI works without it.
    }
  },
};

export const STORAGE_KEYS = {
  language: 'redcard.language',
  workspace: 'redcard.workspace',
} as const;
