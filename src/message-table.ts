/** Arguments of a message: the values a diagnostic or usage error carries. */
export type MessageArgs = Record<string, string | number>;

/** Message texts by code, in Vietnamese and English; each says what is wrong and what to write. */
export type MessageTable = Record<string, { vi: (a: MessageArgs) => string; en: (a: MessageArgs) => string }>;
