/**
 * The slice of the `chrome` extension API that e2e tests call inside extension pages via
 * `page.evaluate` (the code runs in Chromium, not in Node).
 */
declare const chrome: {
  runtime: {
    sendMessage(message: unknown, callback?: (response: unknown) => void): Promise<unknown>;
    lastError?: { message?: string };
    id: string;
  };
  storage: {
    sync: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    local: { get(key: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  tabs: {
    query(q: Record<string, unknown>): Promise<{ id?: number; url?: string }[]>;
  };
};
