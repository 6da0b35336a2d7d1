export type ViewKind = 'view' | 'materialized_view';

/** A view or materialized view: listed in the inventory, not compared yet. */
export interface View {
  readonly schema: string;
  readonly name: string;
  readonly kind: ViewKind;
  readonly comment: string | null;
}
