import { columnKind } from './column/index.js';
import { commentKind } from './comment/index.js';
import { constraintKind } from './constraint/index.js';
import { domainKind } from './domain/index.js';
import { enumKind } from './enum/index.js';
import { eventTriggerKind } from './event-trigger/index.js';
import { extensionKind } from './extension/index.js';
import { functionKind } from './function/index.js';
import { indexKind } from './index/index.js';
import { schemaKind } from './schema/index.js';
import { sequenceKind } from './sequence/index.js';
import { tableKind } from './table/index.js';
import { triggerKind } from './trigger/index.js';
import { viewKind } from './view/index.js';
/** The kinds of objects, in dependency order. */
const OBJECT_KINDS = [
    schemaKind,
    extensionKind,
    enumKind,
    domainKind,
    sequenceKind,
    functionKind,
    eventTriggerKind,
    tableKind,
    columnKind,
    indexKind,
    constraintKind,
    viewKind,
    triggerKind,
];
/** The object kinds, then the comment kind, which compares and plans the comments of theirs. */
export const KINDS = [...OBJECT_KINDS, commentKind(OBJECT_KINDS)];
//# sourceMappingURL=registry.js.map