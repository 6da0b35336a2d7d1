#!/usr/bin/env node
// After `tsc`: the expected-schema spec's JSON Schema, assembled from the
// kinds' fragments (src/spec-file/spec-schema.ts, built to dist/), is written
// where editors have been told to find it (README, "Editor support"):
// dist/spec/spec.schema.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { specJsonSchemaText } from '../dist/spec-file/spec-schema.js';

const dir = new URL('../dist/spec/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('spec.schema.json', dir), specJsonSchemaText());
