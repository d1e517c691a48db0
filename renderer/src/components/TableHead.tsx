import { Table, type TableThProps } from '@mantine/core';

/** A column of a table's header row: its title, or its title with header-cell props (alignment, width). */
export type TableColumn = string | ({ title: string } & TableThProps);

/** The header row of a table, one cell per column, so a table states its columns once as a list. */
export function TableHead({ columns }: { columns: readonly TableColumn[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => {
          if (typeof c === 'string') return <Table.Th key={c}>{c}</Table.Th>;
          const { title, ...props } = c;
          return (
            <Table.Th key={title} {...props}>
              {title}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}
