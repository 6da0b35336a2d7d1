import type { Trigger, TriggerEnabled } from './model.js';
/** True when `definition` starts as pg_get_triggerdef's text does (`CREATE [CONSTRAINT] TRIGGER `). */
export declare function isTriggerDefinition(definition: string): boolean;
export declare function dropTriggerSql(schema: string, table: string, name: string): string;
/**
 * The trigger as it is defined, re-runnable: `CREATE OR REPLACE TRIGGER`
 * (PostgreSQL 14+, every supported major) for an ordinary trigger; a
 * constraint trigger, which PostgreSQL cannot replace, only when the table
 * has no trigger of that name. `definition` must be a CREATE TRIGGER
 * statement (checked where it comes from: the server printed it, or a
 * checked spec or snapshot).
 */
export declare function createTriggerSql(schema: string, table: string, t: Pick<Trigger, 'name' | 'definition' | 'constraint'>): string;
/**
 * Replace a trigger by another definition of the same name: CREATE OR
 * REPLACE when neither is a constraint trigger; else the drop and the
 * create in one DO block (one statement: the table is never without the
 * trigger, and a re-run replaces it again).
 */
export declare function replaceTriggerSql(schema: string, table: string, from: Pick<Trigger, 'constraint'>, to: Pick<Trigger, 'name' | 'definition' | 'constraint'>): string;
/** `ALTER TABLE … ENABLE | DISABLE | ENABLE REPLICA | ENABLE ALWAYS TRIGGER name` (partitions follow their parent). */
export declare function enableTriggerSql(schema: string, table: string, name: string, state: TriggerEnabled): string;
export declare function commentOnTriggerSql(schema: string, table: string, name: string, comment: string): string;
/** A trigger built from nothing: the definition, its state when not the default (origin), its comment. */
export declare function buildTriggerSql(schema: string, table: string, t: Trigger): string[];
