import type { ReactNode } from 'react';
import { classNames } from './class-names.ts';

export type DataColumn<Row> = {
  key: string;
  header: ReactNode;
  /** Keeps the header for assistive technologies but does not show it (an actions column). */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** This column's cells are row headers (`<th scope="row">`): usually the name. */
  rowHeader?: boolean;
  /** Hidden on phones (under 40 rem) to keep the essentials readable. */
  hideOnPhone?: boolean;
  className?: string;
};

export type DataTableProps<Row> = {
  /** The table's accessible name (a `<caption>`, visually hidden unless `showCaption`). */
  caption: string;
  showCaption?: boolean;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Extra classes for a row (`mt-table__row--selected` highlights it). */
  rowClassName?: (row: Row) => string | undefined;
  /** Set while the rows are being refreshed. */
  busy?: boolean;
  className?: string;
};

/**
 * A semantic table of rows (files, contacts …): a caption, column headers, a row header per row.
 * Put links and buttons in the cells; rows themselves are not interactive.
 */
export function DataTable<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  rowKey,
  rowClassName,
  busy,
  className,
}: DataTableProps<Row>) {
  const columnClass = (column: DataColumn<Row>) => classNames(column.className, column.hideOnPhone && 'mt-hide-on-phone');
  return (
    <div className={classNames('mt-table-wrap', className)}>
      <table className="mt-table" aria-busy={busy || undefined}>
        <caption className={showCaption ? 'mt-table__caption' : 'mt-visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={columnClass(column)}>
                {column.hideHeader ? <span className="mt-visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={columnClass(column)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={columnClass(column)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
