import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditReport } from '../../src/audit.js';
import { cell, code, escapeMarkdown, renderMarkdown } from '../../src/render/markdown.js';
import { migrationFiles } from '../../src/render/migration-files.js';
import { ROOT } from '../support/cli.js';

/**
 * The markdown report, without a database: checked-in JSON reports
 * (test/render/fixtures/, made by real runs: see markdown-e2e.test.ts for how
 * to regenerate them) rendered and compared with golden documents
 * (test/render/golden/*.md), plus targeted properties on reports built from
 * them.
 *
 * After an intended change of the output, rewrite the golden files and review
 * the diff:
 *
 *   UPDATE_GOLDEN=1 npm run test:unit -- test/render/markdown.unit
 */
const HERE = path.join(ROOT, 'test', 'render');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

type Finding = AuditReport['findings'][number];
/** A finding as tests write it: any of its fields, of any kind (the renderer must cope with kinds it does not know). */
type LooseFinding = { readonly [K in keyof Finding]?: unknown };

function fixture(name: string): AuditReport {
  return JSON.parse(readFileSync(path.join(HERE, 'fixtures', `${name}-report.json`), 'utf8')) as AuditReport;
}

/** A mutable deep copy, to build variants. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function headings(markdown: string): string[] {
  return markdown.split('\n').filter((l) => /^#{1,6} /.test(l));
}

/** The part of the document under `heading`, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no heading ${heading}`);
  const level = heading.indexOf(' ');
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const m = /^(#+) /.exec(lines[i]!);
    if (m && m[1]!.length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start + 1, end).join('\n').trim();
}

/** Cells of a GFM table row: split on pipes that are not escaped. */
function rowCells(line: string): string[] {
  return line.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

const SEED_HEADINGS = [
  '# Database Schema Audit Report',
  '## Overview',
  '## Current Schema Analysis',
  '### Core Tables',
  '### Enums',
  '## Missing Elements Analysis',
  '### Missing Tables',
  '### Missing Columns',
  '### Index Optimization Opportunities',
  '### Other Drift',
  '## Recommendations',
  '### 1. Add Missing Columns',
  '### 2. Create Additional Indexes',
  '### 3. Data Migration',
  '## Rollback Procedures',
  '## Conclusion',
];

/** The seed's headings with the diagram of the drift (a report with drift on tables) first under Missing Elements Analysis. */
const DRIFT_HEADINGS = [...SEED_HEADINGS.slice(0, 6), '### Drift Diagram', ...SEED_HEADINGS.slice(6)];

/** The seed's headings plus the diagram and the generated migration, the last recommendation. */
const REPORT_HEADINGS = [...DRIFT_HEADINGS.slice(0, 15), '### 4. Apply the Migration', ...DRIFT_HEADINGS.slice(15)];

describe('golden documents', () => {
  for (const name of ['onekeel', 'clean', 'everything']) {
    test(`${name}.md`, () => {
      const rendered = renderMarkdown(fixture(name));
      const file = path.join(HERE, 'golden', `${name}.md`);
      if (UPDATE) {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, rendered);
      }
      expect(rendered).toBe(readFileSync(file, 'utf8'));
    });
  }
});

describe('layout', () => {
  test("the OneKeel report has the seed's sections, in the seed's order, and the generated migration", () => {
    expect(headings(renderMarkdown(fixture('onekeel')))).toEqual(REPORT_HEADINGS);
  });

  test('a clean report keeps the sections and drops the recommendation subsections', () => {
    expect(headings(renderMarkdown(fixture('clean')))).toEqual(SEED_HEADINGS.filter((h) => !h.startsWith('### 1') && !h.startsWith('### 2') && !h.startsWith('### 3')));
  });

  test('every drift kind: recommendations are numbered in order and only those that apply', () => {
    const h = headings(renderMarkdown(fixture('everything')));
    expect(h.filter((x) => x.startsWith('### ') && /^### \d/.test(x))).toEqual([
      '### 1. Create Missing Tables',
      '### 2. Add Missing Columns',
      '### 3. Create Additional Indexes',
      '### 4. Data Migration',
      '### 5. Resolve Other Drift',
      '### 6. Review the Advice',
      '### 7. Apply the Migration',
    ]);
  });

  test('GitHub-friendly text: no trailing spaces, one blank line between blocks, one final newline, no tabs', () => {
    for (const name of ['onekeel', 'clean', 'everything']) {
      const md = renderMarkdown(fixture(name));
      expect(md).not.toMatch(/[ \t]$/m);
      expect(md).not.toContain('\n\n\n');
      expect(md.endsWith('\n')).toBe(true);
      expect(md.endsWith('\n\n')).toBe(false);
      expect(md).not.toContain('\t');
    }
  });

  test('every table row has as many cells as its header (pipes in cells are escaped)', () => {
    for (const name of ['onekeel', 'clean', 'everything']) {
      const lines = renderMarkdown(fixture(name)).split('\n');
      let width = 0;
      for (const line of lines) {
        if (!line.startsWith('|')) {
          width = 0;
          continue;
        }
        const cells = rowCells(line);
        if (width === 0) width = cells.length;
        else expect(cells).toHaveLength(width);
      }
    }
    // The generated-column expressions of the everything fixture hold `||`.
    expect(renderMarkdown(fixture('everything'))).toContain("`((first_name \\|\\| ' '::text) \\|\\| last_name)`");
  });

  test('deterministic: the same report gives the same bytes, however it was copied', () => {
    for (const name of ['onekeel', 'clean', 'everything']) {
      const report = fixture(name);
      const first = renderMarkdown(report);
      expect(renderMarkdown(copy(report))).toBe(first);
      expect(renderMarkdown(report)).toBe(first);
    }
  });
});

describe('overview', () => {
  test('names the database, the expected source and the run; port 0 and a null user are left out', () => {
    const md = section(renderMarkdown(fixture('onekeel')), '## Overview');
    expect(md).toContain('This report audits the schema of the PostgreSQL database `onekeel_swarm` against the spec `expected-schema/onekeel-swarm`');
    expect(md).toContain('| Host | throw-away demo server |');
    expect(md).not.toContain('| User |');
    expect(md).toContain('| Server | PostgreSQL 17.10 |');
    expect(md).toContain('| Generated at | 2026-11-26T09:00:00.000Z |');
    expect(md).toContain('| Expected schema SHA-256 | `6dda36cc8695` |');
    expect(md).toContain('`6dda36cc8695eb16bfdd43d6f8778482bd2cb7e719c014d9583666eecd12f106`');
    expect(md).toContain('| Tool | schema-audit 0.1.0 |');
    expect(md).toContain('| Drift findings | 17 (17 errors, 0 warnings, 0 info) |');
    expect(md).toContain('| Ignored findings | 0 |');
  });

  test('a real target shows host:port and user', () => {
    const md = renderMarkdown(fixture('clean'));
    expect(md).toContain('| Host | db.example.internal:5432 |');
    expect(md).toContain('| User | `audit` |');
  });

  test('no password or secret ever reaches the document: only known fields are printed', () => {
    const report = copy(fixture('onekeel')) as unknown as Record<string, unknown> & AuditReport;
    const secret = 'hunter2-s3cret';
    // Whatever a caller might smuggle into the report, the renderer prints only the fields it knows.
    Object.assign(report.target as object, {
      host: 'db.internal',
      port: 5432,
      user: 'audit',
      location: 'db.internal:5432/onekeel_swarm',
      password: secret,
      url: `postgres://audit:${secret}@db.internal:5432/onekeel_swarm`,
    });
    report.connection = { password: secret };
    // A reference database given as the expected source, with its password left in by mistake.
    Object.assign(report.expected as object, { kind: 'database', source: `postgres://audit:${secret}@staging.internal:5432/app`, password: secret });
    const md = renderMarkdown(report);
    expect(md).not.toContain(secret);
    expect(md).not.toMatch(/password/i);
    expect(md).toContain('`postgres://audit:***@staging.internal:5432/app`');
    expect(md).toContain('| Host | db.internal:5432 |');
    expect(md).toContain('| User | `audit` |');
  });
});

describe('current schema', () => {
  test('tables with descriptions and row estimates, enums with values', () => {
    const md = renderMarkdown(fixture('onekeel'));
    expect(section(md, '### Core Tables')).toContain('16. **users** - Authentication and access control (about 20 rows)');
    expect(section(md, '### Core Tables')).toContain('13. **leads** - Core business entity for lead management (about 5,000 rows)');
    expect(section(md, '### Enums')).toContain('11. **user_role** - admin, manager, agent, viewer');
  });

  test('a table without description says so; other schemas are qualified; unexpected objects are marked; text is escaped', () => {
    const report = copy(fixture('everything'));
    const tables = report.inventory.tables as unknown as Record<string, unknown>[];
    tables.push({ schema: 'billing', name: 'invoices', description: 'Money *owed* <b>now</b> | [x](y) $5', rowEstimate: 0, columns: 3, indexes: [] });
    const md = section(renderMarkdown(report), '### Core Tables');
    expect(md).toContain('1. **campaigns** - (no description)');
    expect(md).toContain('5. **leads_import_tmp** - (no description; not in the expected schema)');
    expect(md).toContain('8. **billing.invoices** - Money \\*owed\\* \\<b\\>now\\</b\\> | \\[x\\](y) \\$5 (empty)');
    expect(section(renderMarkdown(report), '### Enums')).toContain('3. **old_lead_source** - web, csv, api (not in the expected schema)');
  });
});

describe('missing elements', () => {
  test('missing columns: per table, described, typed, with their constraints', () => {
    const md = section(renderMarkdown(fixture('onekeel')), '### Missing Columns');
    expect(md).toContain('4. **leads table**:\n   - `score` - Lead qualification score (0-100) to supplement existing `qualification_score` (`integer`, nullable; check `((score >= 0) AND (score <= 100))`)');
    expect(md).toContain('   - `created_by` - UUID reference to user who created the campaign (`uuid`, nullable; references `users(id)` on delete set null)');
  });

  test('the "already exist" note: present columns the missing ones name, and documented siblings', () => {
    const md = section(renderMarkdown(fixture('onekeel')), '### Missing Columns');
    // Named in the descriptions of leads.score and leads.name (and in name's generation expression).
    expect(md).toContain('   - Note: `first_name`, `last_name` and `qualification_score` already exist in the schema');
    // enrolled_at is documented in the spec and shares its first word with the missing enrolled_by.
    expect(md).toContain('   - Note: `enrolled_at` (Timestamp when the lead was enrolled) already exists in the schema');
    // campaigns.created_at / updated_at share a first word with created_by / updated_by, but the spec does not document them.
    const campaigns = md.split('\n\n').find((b) => b.includes('**campaigns table**'));
    expect(campaigns).toBeDefined();
    expect(campaigns).not.toContain('Note:');
  });

  test('the note rule: prose mentions need an identifier-like word, expressions mention any column', () => {
    const variant = (check: string): string => {
      const report = copy(fixture('onekeel'));
      const findings = report.findings as unknown as Record<string, unknown>[];
      const score = findings.find((f) => f.id === 'missing_column:public.leads.score') as { expected: Record<string, unknown> };
      // "status" in prose is an English word, not a reference to leads.status.
      score.expected.description = 'Depends on the status of the lead';
      score.expected.constraints = [{ name: 'leads_score_check', kind: 'check', expression: check, columns: ['score'] }];
      const name = findings.find((f) => f.id === 'missing_column:public.leads.name') as { expected: Record<string, unknown> };
      name.expected.description = null;
      name.expected.comment = null;
      name.expected.generated = null;
      return section(renderMarkdown(report), '### Missing Columns');
    };
    const prose = variant('((score >= 0) AND (score <= 100))');
    expect(prose).toContain('   - `name` - `text`, nullable');
    expect(prose.split('\n\n').find((b) => b.includes('**leads table**'))).not.toContain('Note:');
    // In a check expression, `status` is a column.
    expect(variant("((score >= 0) AND (status <> 'rejected'::lead_status))")).toContain('   - Note: `status` already exists in the schema');
  });

  test('nested lines are indented to the width of their item marker (10. and beyond)', () => {
    const report = copy(fixture('clean'));
    const findings = Array.from({ length: 10 }, (_, i) => ({
      id: `missing_column:public.t${i}.c`, kind: 'missing_column', category: 'drift', severity: 'error',
      object: { schema: 'public', table: `t${String(i).padStart(2, '0')}`, column: 'c' },
      expected: { name: 'c', position: 1, type: 'integer', nullable: true, default: null, identity: null, generated: null, collation: null, description: null, constraints: [] },
      actual: null, message: 'column is missing',
    }));
    (report as unknown as { findings: unknown[] }).findings = findings;
    const md = section(renderMarkdown(report), '### Missing Columns');
    expect(md).toContain('9. **t08 table**:\n   - `c` - `integer`, nullable');
    expect(md).toContain('10. **t09 table**:\n    - `c` - `integer`, nullable');
  });

  test('missing tables: listed with columns; otherwise a computed count', () => {
    expect(section(renderMarkdown(fixture('onekeel')), '### Missing Tables')).toBe('All 16 expected tables are present.');
    expect(section(renderMarkdown(fixture('everything')), '### Missing Tables')).toContain(
      '1 of the 7 expected tables is missing:\n\n1. **campaign_steps** - (no description; 4 columns: `id`, `campaign_id`, `position`, `delay_hours`; 2 indexes)',
    );
  });

  test('index opportunities: per table, with the query served, the columns and the existing indexes', () => {
    const md = section(renderMarkdown(fixture('onekeel')), '### Index Optimization Opportunities');
    expect(md).toContain('11 expected indexes are missing (5 of them composite)');
    expect(md).toContain('   - Add index `idx_leads_score` on the new column `score` - Filter and sort leads by score');
    expect(md).toContain('   - Add composite index `idx_leads_client_status_created_at` on `client_id`, `status`, `created_at DESC` - Lead list view:');
    expect(md).toContain('   - Existing indexes: `campaigns_client_name_key` (client_id, name; unique), `campaigns_pkey` (id; primary key), `idx_campaigns_active` (active), `idx_campaigns_agent_id` (agent_id), `idx_campaigns_type` (type)');
  });

  test('other drift: a table a reader can compare, most severe first; none said plainly', () => {
    expect(section(renderMarkdown(fixture('onekeel')), '### Other Drift')).toContain('No other drift:');
    const md = section(renderMarkdown(fixture('everything')), '### Other Drift');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity'));
    expect(rows).toHaveLength(23);
    const severities = rows.map((r) => rowCells(r)[0]);
    expect(severities).toEqual([...severities].sort((x, y) => ['error', 'warning', 'info'].indexOf(x!) - ['error', 'warning', 'info'].indexOf(y!)));
    expect(md).toContain('| error | column `users.display_name` | Type is `character varying(50)`; expected `character varying(100)` |');
    expect(md).toContain('| warning | enum `campaign_status` | Values are in the order draft, active, completed, paused; expected draft, active, paused, completed |');
  });

  test('ignored findings are listed with rule and reason, pipes escaped', () => {
    const report = copy(fixture('clean'));
    (report as { ignored: unknown }).ignored = [
      { findingId: 'unexpected_table:public.spatial_ref_sys', pattern: 'public.spatial_ref_sys', reason: 'owned by PostGIS | do not touch' },
    ];
    const md = renderMarkdown(report);
    expect(md).toContain('| `unexpected_table:public.spatial_ref_sys` | `public.spatial_ref_sys` | owned by PostGIS \\| do not touch |');
    expect(md).toContain('| Ignored findings | 1 |');
    expect(section(md, '## Conclusion')).toContain('1 finding was ignored by the expected schema\'s rules.');
  });

  test('pipes in enum values and code spans do not break table rows', () => {
    const report = copy(fixture('clean'));
    const finding = {
      id: 'missing_enum:public.op', kind: 'missing_enum', category: 'drift', severity: 'error',
      object: { schema: 'public', enum: 'op' }, expected: { schema: 'public', name: 'op', values: ['a|b', 'c'] }, actual: null,
      message: "enum public.op is missing (expected values 'a|b', 'c')",
    };
    (report as unknown as { findings: unknown[] }).findings = [finding];
    (report as { summary: unknown }).summary = { error: 1, warning: 0, info: 0, total: 1 };
    const row = renderMarkdown(report).split('\n').find((l) => l.startsWith('| error |'))!;
    expect(rowCells(row)).toEqual(['error', 'enum `op`', 'Enum is missing; expected values: a\\|b, c']);
  });
});

describe('advice', () => {
  function withAdvice(advice: LooseFinding[], ran = true): AuditReport {
    // The demo's own advice is taken out, so each test states all the advice it renders.
    const report = copy(fixture('onekeel')) as unknown as Record<string, unknown>;
    delete report.adviceSummary;
    delete report.advice;
    report.findings = [
      ...(report.findings as { category: string }[]).filter((f) => f.category !== 'advice'),
      ...advice.map((a) => ({ category: 'advice', severity: 'warning', expected: null, actual: null, ...a })),
    ];
    if (ran) report.advice = { checked: ['fk_without_index', 'table_without_primary_key'], indexUsage: null };
    return report as unknown as AuditReport;
  }

  test('index-related advice goes with its table under Index Optimization, the rest under Advice', () => {
    const md = renderMarkdown(
      withAdvice([
        {
          id: 'fk_without_index:public.communications.communications_agent_id_fkey',
          kind: 'fk_without_index' as Finding['kind'],
          object: { schema: 'public', table: 'communications', constraint: 'communications_agent_id_fkey' },
          message: 'foreign key public.communications.communications_agent_id_fkey (agent_id) has no index starting with its columns',
        },
        {
          id: 'table_without_primary_key:public.sessions',
          kind: 'table_without_primary_key' as Finding['kind'],
          object: { schema: 'public', table: 'sessions' },
          message: 'table public.sessions has no primary key | odd',
        },
        {
          id: 'some_future_check:public.users',
          kind: 'some_future_check' as Finding['kind'],
          severity: 'info',
          object: { schema: 'public', table: 'users' },
          message: 'a kind this renderer has never heard of',
        },
      ]),
    );
    expect(headings(md)).toEqual([...DRIFT_HEADINGS.slice(0, 11), '### Advice', ...DRIFT_HEADINGS.slice(11, 15), '### 4. Review the Advice', '### 5. Apply the Migration', ...DRIFT_HEADINGS.slice(15)]);
    const index = section(md, '### Index Optimization Opportunities');
    expect(index).toContain(
      '   - Advice (`fk_without_index`, warning): foreign key public.communications.communications_agent_id_fkey (agent_id) has no index starting with its columns',
    );
    const advice = section(md, '### Advice');
    expect(advice).toContain('| warning | table `sessions` | `table_without_primary_key`: table public.sessions has no primary key \\| odd |');
    expect(advice).toContain('| info | table `users` | `some_future_check`: a kind this renderer has never heard of |');
    expect(md).toContain('| Advice | 3 (0 errors, 2 warnings, 1 info) |');
    // Advice is not drift: the drift counts and the verdict are unchanged.
    expect(md).toContain('| Drift findings | 17 (17 errors, 0 warnings, 0 info) |');
    expect(section(md, '## Conclusion')).toContain('found 17 differences');
    expect(section(md, '## Conclusion')).toContain('The DBA checks add 3 pieces of advice, listed above.');
  });

  test('advice that ran and found nothing: a row saying so, no Advice section', () => {
    const md = renderMarkdown(withAdvice([]));
    expect(md).toContain('| Advice | none |');
    expect(headings(md)).toEqual(REPORT_HEADINGS);
    // advice that did not run renders exactly like a report from before advice existed
    const noAdvice = copy(fixture('onekeel')) as unknown as Record<string, unknown>;
    delete noAdvice.adviceSummary;
    delete noAdvice.advice;
    noAdvice.findings = (noAdvice.findings as { category: string }[]).filter((f) => f.category !== 'advice');
    expect(renderMarkdown(withAdvice([], false))).toBe(renderMarkdown(noAdvice as unknown as AuditReport));
  });

  test('advice on a clean database: the conclusion still says it matches', () => {
    const report = copy(fixture('clean')) as unknown as Record<string, unknown>;
    report.findings = [
      { id: 'duplicate_index:public.leads.idx_x', kind: 'duplicate_index', category: 'advice', severity: 'warning', object: { schema: 'public', table: 'leads', index: 'idx_x' }, expected: null, actual: null, message: 'index idx_x duplicates idx_y' },
    ];
    const md = renderMarkdown(report as unknown as AuditReport);
    expect(section(md, '## Conclusion')).toBe('The database matches the expected schema: 16 tables, 11 enums, no drift. The DBA checks add 1 piece of advice, listed above.');
    expect(section(md, '### Index Optimization Opportunities')).toContain('   - Advice (`duplicate_index`, warning): index idx_x duplicates idx_y');
  });
});

describe('recommendations, rollback, conclusion', () => {
  test('the generated migration: up.sql under Recommendations, down.sql under Rollback Procedures, exactly as --migration-dir writes them', () => {
    const report = fixture('onekeel');
    const md = renderMarkdown(report);
    const files = migrationFiles(report);
    const apply = section(md, '### 4. Apply the Migration');
    expect(apply).toContain(`\`\`\`sql\n${files.up}\`\`\``);
    expect(apply).toContain('psql -v ON_ERROR_STOP=1 -f up.sql');
    expect(section(md, '## Rollback Procedures')).toContain(`\`\`\`sql\n${files.down}\`\`\``);
    expect(md).not.toMatch(/TODO|TBD|FIXME|\bXXX\b/);
    // A report without a plan (the API's default) points to --migration-dir and shows no SQL.
    const { remediation: _plan, ...withoutPlan } = report;
    const plain = renderMarkdown(withoutPlan as AuditReport);
    expect(plain).toContain('`--migration-dir DIR`');
    expect(plain).not.toMatch(/\b(ALTER TABLE|CREATE INDEX|DROP (TABLE|INDEX|COLUMN))\b/);
    expect(renderMarkdown(fixture('clean'))).not.toContain('--migration-dir');
  });

  test('data migration: nothing needs a backfill in the OneKeel case; NOT NULL columns without default on tables with rows do', () => {
    expect(section(renderMarkdown(fixture('onekeel')), '### 3. Data Migration')).toContain(
      '- No new column is NOT NULL without a default, so none needs a backfill before it can be added.',
    );
    const report = copy(fixture('onekeel'));
    const score = (report.findings as unknown as Record<string, unknown>[]).find((f) => f.id === 'missing_column:public.leads.score') as { expected: Record<string, unknown> };
    score.expected.nullable = false;
    const md = renderMarkdown(report);
    expect(section(md, '### 3. Data Migration')).toContain(
      'These new columns are NOT NULL without a default on tables that have rows, so they need a backfill plan (add the column as nullable, fill it, then set NOT NULL): `leads.score` (about 5,000 rows).',
    );
    expect(section(md, '## Conclusion')).toContain('Every difference is an addition, but 1 new column needs a backfill plan (see Data Migration).');
  });

  test('rollback names what would be lost', () => {
    const md = section(renderMarkdown(fixture('onekeel')), '## Rollback Procedures');
    expect(md).toContain('1. Back up the database `onekeel_swarm` before applying the migration');
    expect(md).toContain('2. Make every migration reversible: the reverse of this one drops the 11 new indexes and the 6 new columns with the 5 constraints they carry, in that order.');
    expect(md).toContain(
      '   - Dropping `campaigns.created_by`, `campaigns.updated_by`, `communications.conversation_id`, `lead_campaign_enrollments.enrolled_by` and `leads.score` discards every value written to them after the migration',
    );
    expect(md).toContain('   - `leads.name` is generated, so nothing is lost that adding it again would not recompute');
  });

  test('a clean database says so plainly', () => {
    const md = renderMarkdown(fixture('clean'));
    expect(section(md, '## Conclusion')).toBe('The database matches the expected schema: 16 tables, 11 enums, no drift.');
    expect(section(md, '## Recommendations')).toBe('No change is needed: the database matches the expected schema.');
    // Clearing the findings of the drifted report gives the same verdict.
    const cleared = { ...fixture('onekeel'), findings: [], summary: { error: 0, warning: 0, info: 0, total: 0 } };
    expect(section(renderMarkdown(cleared), '## Conclusion')).toBe('The database matches the expected schema: 16 tables, 11 enums, no drift.');
  });

  test('a drifted database: counts and the most important items', () => {
    expect(section(renderMarkdown(fixture('onekeel')), '## Conclusion')).toContain(
      'The audit of `onekeel_swarm` found 17 differences from the expected schema: 17 errors, 0 warnings and 0 info. All 16 expected tables and all 11 expected enums are present. Missing: 6 columns (in `campaigns`, `communications`, `lead_campaign_enrollments` and `leads`) and 11 indexes (5 of them composite).',
    );
    expect(section(renderMarkdown(fixture('everything')), '## Conclusion')).toContain(
      'The 12 errors, to fix first, are 1 missing table, 1 missing column, 1 missing index, 1 missing enum, 1 missing enum value, 1 missing constraint, 1 missing function, 3 column type differences, 1 nullability difference and 1 constraint difference.',
    );
  });
});

describe('markdown helpers', () => {
  test('escapeMarkdown escapes what could format, keeps intraword underscores', () => {
    expect(escapeMarkdown('lead_campaign_enrollments')).toBe('lead_campaign_enrollments');
    expect(escapeMarkdown('_x_ *y* `z` [a](b) <i> $1 ~s~ & #')).toBe('\\_x\\_ \\*y\\* \\`z\\` \\[a\\](b) \\<i\\> \\$1 \\~s\\~ \\& \\#');
    expect(escapeMarkdown('a\nb\\c')).toBe('a b\\\\c');
  });

  test('code spans survive backticks; cells escape every pipe', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('')).toBe('` `');
    expect(cell('`a || b` | c')).toBe('`a \\|\\| b` \\| c');
  });
});

describe('what a reader of the reports met (issue 13, part 8)', () => {
  test('a backfilled new column: the report says what the backfill fills it with, not that it stays NULL', () => {
    const md = section(renderMarkdown(fixture('onekeel')), '### 3. Data Migration');
    expect(md).toContain('- The migration fills `leads.score` (about 5,000 rows) for the existing rows with `qualification_score`, in batches, where it is still NULL.');
    const nulls = md.split('\n').find((l) => l.startsWith('- Existing rows get NULL'))!;
    expect(nulls).not.toContain('leads.score');
  });

  test('a generated new column: the rollback says once that dropping it loses nothing', () => {
    const md = section(renderMarkdown(fixture('onekeel')), '## Rollback Procedures');
    expect(md).toContain('`leads.name` is generated, so nothing is lost that adding it again would not recompute');
    expect(md).not.toContain('drops column public.leads.name and every value');
  });

  test('no "(seed: …)" in the descriptions the demo shows', () => {
    expect(renderMarkdown(fixture('onekeel'))).not.toContain('(seed:');
  });

  test('counts read right for one: "the difference", "all 17 differences", never "1 of the 1"', () => {
    const report = copy(fixture('onekeel'));
    const md = renderMarkdown(report);
    expect(md).toContain('29 steps fixing all 17 differences');
    expect(md).not.toMatch(/\b1 of the 1 |each of the 1 /);
    const everything = renderMarkdown(fixture('everything'));
    expect(everything).not.toMatch(/\b1 of the 1 |each of the 1 /);
    const base = copy(fixture('everything'));
    const others = base.findings.filter((f) => f.category === 'drift' && ['column_type_mismatch', 'constraint_mismatch', 'column_default_mismatch'].includes(f.kind));
    const { remediation: _dropped, ...rest } = base;
    const one: AuditReport = { ...rest, findings: [others[0]!], summary: { error: 0, warning: 0, info: 0, total: 1, [others[0]!.severity]: 1 } as AuditReport['summary'] };
    const single = renderMarkdown(one);
    expect(single).toContain('Decide for the difference under Other Drift whether');
    expect(single).not.toMatch(/each of the 1 /);
  });

  test('tables are counted as the Overview counts them, partitions apart', () => {
    const base = fixture('everything');
    const listed = base.inventory.tables.length;
    // A present partition: in report.present, not in the inventory (the Overview lists tables without partitions).
    const report: AuditReport = { ...base, present: [...base.present, { kind: 'table', object: { schema: 'public', table: 'events_2026_01' }, identical: true }] };
    const md = renderMarkdown(report);
    expect(md).toContain(`The database has ${listed} tables`);
    const expected = section(md, '### Missing Tables').match(/of the (\d+) expected tables/)![1];
    const conclusion = section(md, '## Conclusion');
    expect(conclusion).toContain(`of the ${expected} expected tables`);
    expect(conclusion).toContain('the expected partition');
    // The partition is not counted among the tables: the same count as without it.
    expect(section(renderMarkdown(base), '### Missing Tables')).toContain(`of the ${expected} expected tables`);
  });
});
