// Prisma CLI configuration used only by the drift test (drift.int.test.ts):
// introspects the PostgreSQL database at DATABASE_URL with `prisma db pull`.
//
// Why not prisma.config.ts: with a driver adapter (`engine: 'js'`) Prisma 6.19
// refuses `migrate diff --from-url/--from-schema-datasource`, so the drift
// check is "pull the live schema, then diff two datamodels". And
// @prisma/adapter-pg 7.10 cannot describe PostgreSQL's one-byte `"char"` type
// (OID 18: pg_constraint.contype and other catalog columns introspection
// reads); it throws "Column type 'char' could not be deserialized". The schema
// engine wants such columns as Character values, so we report them that way.
import path from 'node:path';
import pg from 'pg';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

const CHAR_OID = 18;
const TEXT_OID = 25;
/** ColumnTypeEnum.Character in @prisma/driver-adapter-utils. */
const CHARACTER_COLUMN = 6;

type RawResult = { fields: { dataTypeID: number }[] };
type Queryable = {
  performIO(query: object): Promise<RawResult>;
  queryRaw(query: object): Promise<{ columnTypes: number[] }>;
};

/** Lets the adapter read `"char"` columns (as text), then labels them Character. */
function acceptCharColumns(conn: Queryable): void {
  const charColumns = new WeakMap<object, number[]>();
  const performIO = conn.performIO.bind(conn);
  const queryRaw = conn.queryRaw.bind(conn);
  conn.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    (result?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        indexes.push(i);
      }
    });
    charColumns.set(query, indexes);
    return result;
  };
  conn.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // Relative to this file (Prisma resolves config paths against the config file).
  schema: path.join('..', '..', 'prisma', 'schema.prisma'),
  async adapter() {
    const factory = new PrismaPg(new pg.Pool({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true }));
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const conn = await connect();
      acceptCharColumns(conn as unknown as Queryable);
      return conn;
    };
    return factory;
  },
});
