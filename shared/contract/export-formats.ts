/** The formats a Cloud Configuration exports as (kept free of zod: the CLI's --help lists them). */
export const EXPORT_FORMATS = ['cloudformation', 'terraform', 'cli'] as const;
