import type { ExportDocument, ExportFormat } from '../../../shared/contract/export';
import { renderCliScript } from './cli-script';
import { renderCloudFormation } from './cloudformation';
import { fileStem, type ExportSource } from './source';
import { renderTerraform } from './terraform';

export type { ExportSource } from './source';
export { renderCloudFormation } from './cloudformation';
export { renderTerraform } from './terraform';
export { renderCliScript } from './cli-script';

/** Render a Cloud Configuration in one export format, with a file name and MIME type to save it under. */
export function renderExport(source: ExportSource, format: ExportFormat): ExportDocument {
  const stem = fileStem(source.name);
  switch (format) {
    case 'cloudformation':
      return { format, filename: `${stem}.cfn.json`, mimeType: 'application/json', content: renderCloudFormation(source) };
    case 'terraform':
      return { format, filename: `${stem}.tf`, mimeType: 'text/plain', content: renderTerraform(source) };
    case 'cli':
      return { format, filename: `${stem}.sh`, mimeType: 'text/x-shellscript', content: renderCliScript(source) };
    default: {
      const unreachable: never = format;
      throw new Error(`Unknown export format ${String(unreachable)}`);
    }
  }
}
