/**
 * Event triggers (`CREATE EVENT TRIGGER`): database-wide, audited with the
 * schema of their function (read and compared when that schema is), planned
 * in the `triggers` phase.
 */
import type { CommentedObject, ObjectKind } from '../kind.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { quoteIdent } from '../../model/identifiers.js';
import { EVENT_TRIGGER_CATALOG } from './catalog.js';
import { compareEventTriggers, eventTriggerSchema } from './compare.js';
import { EVENT_TRIGGER_FINDINGS, type EventTriggerFinding } from './findings.js';
import { EVENT_TRIGGER_PLAN } from './plan.js';
import { EVENT_TRIGGER_WORDS } from './words.js';

function* eventTriggerComments(model: SchemaModel): Iterable<CommentedObject> {
  for (const t of model.eventTriggers) {
    yield {
      key: `event_trigger:${t.name}`,
      kind: 'event_trigger',
      object: { schema: eventTriggerSchema(t), eventTrigger: t.name },
      target: `EVENT TRIGGER ${quoteIdent(t.name)}`,
      comment: t.comment,
    };
  }
}

export const eventTriggerKind: ObjectKind<EventTriggerFinding> = {
  name: 'event_trigger',
  noun: { one: 'event trigger', many: 'event triggers' },
  placement: { section: 'eventTriggers' },
  objectField: 'eventTrigger',
  findings: EVENT_TRIGGER_FINDINGS,
  compare: (expected, actual, inScope) => compareEventTriggers(expected.eventTriggers, actual.eventTriggers, inScope),
  listsMissingApart: false,
  ddl: null,
  plan: EVENT_TRIGGER_PLAN,
  words: EVENT_TRIGGER_WORDS,
  spec: null,
  catalog: EVENT_TRIGGER_CATALOG,
  comments: eventTriggerComments,
};
