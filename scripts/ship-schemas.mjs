#!/usr/bin/env node
// After `tsc`: the expected-schema spec's JSON Schema, assembled from the
// kinds' fragments (src/spec-file/spec-schema.ts, built to dist/), is written
// where editors have been told to find it (README, "Editor support"):
// dist/spec/spec.schema.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { specJsonSchemaText } from '../dist/spec-file/spec-schema.js';
import { ACK_FILE_SCHEMA } from '../dist/ack/ack-file.js';

const dir = new URL('../dist/spec/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('spec.schema.json', dir), specJsonSchemaText());
// The acknowledgements file's (schema-audit ack, audit --ack-file): dist/spec/ack.schema.json.
writeFileSync(new URL('ack.schema.json', dir), `${JSON.stringify(ACK_FILE_SCHEMA, null, 2)}\n`);
