/**
 * The values of the CLI's `--format` options and `cchc schema`, apart from the code that
 * implements them: the command line is parsed before any command module is loaded, so that
 * `cchc --version`, `--help` and mistakes in the options cost no more than starting Node.
 */
export const FORMAT_NAMES = ['table', 'json', 'markdown', 'csv', 'html', 'junit', 'github', 'xlsx', 'docx'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const PLAN_FORMAT_NAMES = ['table', 'json', 'markdown'] as const;
export type PlanFormatName = (typeof PLAN_FORMAT_NAMES)[number];

export const DIFF_FORMAT_NAMES = ['text', 'json', 'yaml'] as const;
export type DiffFormatName = (typeof DIFF_FORMAT_NAMES)[number];
