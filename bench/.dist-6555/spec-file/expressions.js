let loaded = null;
/** The checker (the parser loaded once per process). */
export function sqlFragmentChecker() {
    loaded ??= (async () => {
        const mod = (await import('libpg-query'));
        await mod.loadModule();
        return { check: (kind, text) => checkFragment(mod, kind, text) };
    })();
    return loaded;
}
const WHAT = {
    expression: 'a single SQL expression',
    type: 'a single type name',
    bound: 'a single partition bound (FOR VALUES ... or DEFAULT)',
    partitionBy: 'a single partition key (RANGE (...), LIST (...) or HASH (...))',
    collation: 'a single collation name',
    opclass: 'a single operator class (with its parameters)',
    constraint: 'a single table constraint',
    domainConstraint: 'a single domain constraint',
    createIndex: 'a single CREATE INDEX statement',
    createTrigger: 'a single CREATE TRIGGER statement',
    indexKey: 'a single column name or SQL expression',
    query: 'a single query (SELECT, VALUES or WITH … SELECT)',
    functionArguments: 'a single argument list (modes, names, types and defaults)',
    functionReturns: 'a single result type (a type, SETOF type or TABLE (...))',
    functionSqlBody: 'a single SQL-standard function body (RETURN ... or BEGIN ATOMIC ... END)',
    aggregateOptions: 'the options of a single CREATE AGGREGATE',
};
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const QUOTED_IDENTIFIER = /^"(?:[^"]|"")+"$/;
/** Only these keys (besides locations) may be set on `node`. */
function only(node, keys) {
    if (typeof node !== 'object' || node === null)
        return false;
    return Object.keys(node).every((k) => keys.includes(k) || k === 'location');
}
function one(list) {
    return Array.isArray(list) && list.length === 1 ? list[0] : null;
}
/** The lexical checks: no comment, no `;` (but a final one when `trailingSemicolon`), balanced brackets. */
function lexical(mod, text, trailingSemicolon) {
    let tokens;
    try {
        tokens = mod.scanSync(text).tokens;
    }
    catch {
        return 'is not valid SQL (an unterminated quote, quoted name or comment)';
    }
    let depth = 0;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT')
            return 'holds an SQL comment (-- or /* */)';
        if (t.text === ';' && !(trailingSemicolon && i === tokens.length - 1))
            return 'holds a ";" (one statement, one expression: nothing after it)';
        if (t.text === '(' || t.text === '[')
            depth++;
        if (t.text === ')' || t.text === ']')
            depth--;
        if (depth < 0)
            return 'closes a parenthesis it did not open';
    }
    if (depth !== 0)
        return 'leaves a parenthesis open';
    return null;
}
/** The lexical checks of a SQL-standard body: no comment, balanced brackets (its semicolons are its statements'). */
function lexicalBody(mod, text) {
    return lexical(mod, text.replace(/;/g, ' '), false) ?? (/;\s*$/.test(text) ? 'ends in ";" (nothing may follow the body)' : null);
}
/** The single statement `sql` parses to, as `{ Kind: node }`, or null. */
function single(mod, sql) {
    const stmts = mod.parseSync(sql).stmts ?? [];
    const stmt = one(stmts)?.stmt;
    if (!stmt)
        return null;
    const [kind, node] = Object.entries(stmt)[0] ?? [];
    return kind === undefined ? null : { kind, node: node };
}
/** `SELECT <one target>` and nothing else: its target's value. */
function selectValue(mod, sql) {
    const s = single(mod, sql);
    if (s?.kind !== 'SelectStmt' || !only(s.node, ['targetList', 'limitOption', 'op']) || s.node.op !== 'SETOP_NONE')
        return null;
    const target = one(s.node.targetList)?.ResTarget;
    if (!target || !only(target, ['val']))
        return null;
    return target.val ?? null;
}
function isNullConst(node) {
    const c = node?.A_Const;
    return c !== undefined && c.isnull === true && only(c, ['isnull']);
}
function fits(mod, kind, text) {
    switch (kind) {
        case 'expression':
            return selectValue(mod, `SELECT (${text})`) !== null;
        case 'indexKey':
            return PLAIN_IDENTIFIER.test(text) || QUOTED_IDENTIFIER.test(text) || selectValue(mod, `SELECT (${text})`) !== null;
        case 'type': {
            const cast = selectValue(mod, `SELECT NULL::${text}`)?.TypeCast;
            return cast !== undefined && only(cast, ['arg', 'typeName']) && isNullConst(cast.arg);
        }
        case 'collation': {
            const c = selectValue(mod, `SELECT NULL COLLATE ${text}`)?.CollateClause;
            return c !== undefined && only(c, ['arg', 'collname']) && isNullConst(c.arg);
        }
        case 'opclass': {
            const s = single(mod, `CREATE INDEX sa_i ON sa_t (sa_c ${text})`);
            if (s?.kind !== 'IndexStmt' || !only(s.node, ['idxname', 'relation', 'accessMethod', 'indexParams']))
                return false;
            const elem = one(s.node.indexParams)?.IndexElem;
            return (elem !== undefined &&
                only(elem, ['name', 'opclass', 'opclassopts', 'ordering', 'nulls_ordering']) &&
                elem.ordering === 'SORTBY_DEFAULT' &&
                elem.nulls_ordering === 'SORTBY_NULLS_DEFAULT');
        }
        case 'bound': {
            const s = single(mod, `CREATE TABLE sa_t PARTITION OF sa_p ${text}`);
            return s?.kind === 'CreateStmt' && only(s.node, ['relation', 'inhRelations', 'partbound', 'oncommit']) && s.node.oncommit === 'ONCOMMIT_NOOP';
        }
        case 'partitionBy': {
            const s = single(mod, `CREATE TABLE sa_t () PARTITION BY ${text}`);
            return s?.kind === 'CreateStmt' && only(s.node, ['relation', 'partspec', 'oncommit']) && s.node.oncommit === 'ONCOMMIT_NOOP';
        }
        case 'constraint': {
            const s = single(mod, `ALTER TABLE sa_t ADD CONSTRAINT sa_c ${text}`);
            if (s?.kind !== 'AlterTableStmt' || !only(s.node, ['relation', 'cmds', 'objtype']))
                return false;
            const cmd = one(s.node.cmds)?.AlterTableCmd;
            const def = cmd?.def?.Constraint;
            return cmd?.subtype === 'AT_AddConstraint' && def?.conname === 'sa_c';
        }
        case 'domainConstraint': {
            const s = single(mod, `ALTER DOMAIN sa_d ADD CONSTRAINT sa_c ${text}`);
            const def = s?.node.def?.Constraint;
            return s?.kind === 'AlterDomainStmt' && s.node.subtype === 'C' && def?.conname === 'sa_c';
        }
        case 'createIndex':
            return single(mod, text)?.kind === 'IndexStmt';
        case 'query': {
            // A plain query: SELECT … INTO would create a table.
            const s = single(mod, text);
            return s?.kind === 'SelectStmt' && s.node.intoClause === undefined;
        }
        case 'createTrigger':
            return single(mod, text)?.kind === 'CreateTrigStmt';
        case 'functionArguments':
            // A function's, or an ordered-set aggregate's (`float8 ORDER BY anyelement`): the second is tried when the first does not parse.
            return (parses(() => isFunction(mod, `CREATE FUNCTION sa_f(${text}) RETURNS int LANGUAGE sql AS 'x'`, 2, false)) ||
                isAggregate(mod, `CREATE AGGREGATE sa_f(${text}) (SFUNC = sa_s, STYPE = int)`, 2));
        case 'functionReturns':
            return isFunction(mod, `CREATE FUNCTION sa_f() RETURNS ${text} LANGUAGE sql AS 'x'`, 2, false);
        case 'functionSqlBody':
            return isFunction(mod, `CREATE FUNCTION sa_f() RETURNS int LANGUAGE sql ${text}`, 1, true);
        case 'aggregateOptions':
            return isAggregate(mod, `CREATE AGGREGATE sa_f(int) (${text})`, null);
    }
}
/** The check's result, false when the parser rejects the text. */
function parses(check) {
    try {
        return check();
    }
    catch {
        return false;
    }
}
/** Exactly one CREATE FUNCTION sa_f with `options` options (LANGUAGE, AS), and a SQL-standard body or none. */
function isFunction(mod, sql, options, sqlBody) {
    const s = single(mod, sql);
    if (s?.kind !== 'CreateFunctionStmt' || !only(s.node, ['funcname', 'parameters', 'returnType', 'options', 'sql_body']))
        return false;
    const name = one(s.node.funcname)?.String?.sval;
    return name === 'sa_f' && Array.isArray(s.node.options) && s.node.options.length === options && (s.node.sql_body !== undefined) === sqlBody;
}
/** Exactly one CREATE AGGREGATE sa_f with `definitions` options (any number when null). */
function isAggregate(mod, sql, definitions) {
    const s = single(mod, sql);
    if (s?.kind !== 'DefineStmt' || !only(s.node, ['kind', 'defnames', 'args', 'definition', 'oldstyle']) || s.node.kind !== 'OBJECT_AGGREGATE')
        return false;
    const name = one(s.node.defnames)?.String?.sval;
    return name === 'sa_f' && Array.isArray(s.node.definition) && (definitions === null || s.node.definition.length === definitions);
}
function checkFragment(mod, kind, text) {
    const what = WHAT[kind];
    if (kind === 'functionArguments' && text.trim() === '')
        return null; // no arguments
    // A BEGIN ATOMIC body holds its statements' semicolons; the parse below must still find one statement.
    const lexicalProblem = kind === 'functionSqlBody' ? lexicalBody(mod, text) : lexical(mod, text, kind === 'createIndex' || kind === 'query' || kind === 'createTrigger');
    if (lexicalProblem)
        return `must be ${what}: it ${lexicalProblem}`;
    try {
        if (fits(mod, kind, text))
            return null;
    }
    catch (err) {
        const message = err.message.split('\n')[0] ?? '';
        return `must be ${what}: PostgreSQL's parser rejects it (${message})`;
    }
    return `must be ${what}, and nothing more`;
}
/** Every string at `pattern` below `value` (`*`: every key or index), with its path. */
export function* stringsAt(value, pattern, at = []) {
    if (pattern.length === 0) {
        if (typeof value === 'string')
            yield [at, value];
        return;
    }
    if (typeof value !== 'object' || value === null)
        return;
    const [head, ...rest] = pattern;
    const keys = head === '*' ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
    for (const key of keys)
        yield* stringsAt(value[key], rest, [...at, key]);
}
//# sourceMappingURL=expressions.js.map