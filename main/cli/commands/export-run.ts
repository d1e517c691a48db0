import { EXPORT_FORMATS, ExportFormatSchema } from '../../../shared/contract/export';
import { AppError } from '../../../shared/errors';
import { renderExport } from '../../core/export';
import { EXIT } from '../io';
import type { Command } from './index';
import { parseSetupInput } from './setup-run';

/** Take `--format X` / `--format=X` out of argv; the rest are the setup flags. */
function takeFormat(argv: string[]): { format: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--format') {
      format = argv[i + 1];
      if (format === undefined || format.startsWith('--')) throw new AppError('InvalidInput', `--format needs a value: ${EXPORT_FORMATS.join(', ')}.`, '--format');
      i++;
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
    } else {
      rest.push(arg);
    }
  }
  return { format, rest };
}

/**
 * `onramp setup export --format cloudformation|terraform|cli` with the flags of `setup apply`:
 * prints the document on stdout (with --json, `{format, filename, mimeType, content}`). It renders
 * locally: no AWS client is created, so `--profile` is accepted but optional.
 */
export const exportSetup: Command = async (argv) => {
  const { format, rest } = takeFormat(argv);
  if (format === undefined) throw new AppError('InvalidInput', `--format is required: ${EXPORT_FORMATS.join(', ')}.`, '--format');
  const parsedFormat = ExportFormatSchema.safeParse(format);
  if (!parsedFormat.success) throw new AppError('InvalidInput', `--format: must be one of ${EXPORT_FORMATS.join(', ')} (got "${format.slice(0, 40)}").`, '--format');
  const hasProfile = rest.some((a) => a === '--profile' || a.startsWith('--profile='));
  const { input } = parseSetupInput(hasProfile ? rest : ['--profile', 'default', ...rest]);
  const doc = renderExport(input, parsedFormat.data);
  return { json: doc, human: doc.content.replace(/\n$/, ''), exitCode: EXIT.ok };
};

