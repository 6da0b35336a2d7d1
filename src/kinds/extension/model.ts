/** An installed extension. Extensions are database-wide: the model lists all of them, whatever the schemas read. */
export interface Extension {
  readonly name: string;
  /** Schema the extension's objects were installed into. */
  readonly schema: string;
  readonly version: string;
}
