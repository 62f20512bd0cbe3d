/**
 * `npm run bench` — every benchmark, one after the other, figures and ratios printed; never part of
 * `npm test`. Set BENCH_QUICK=1 for a tenth of the data (a smoke run).
 */
import { runIngestBench } from './ingest';
import { runLayerReaderBench } from './layer-reader';

const quick = process.env.BENCH_QUICK === '1';
const section = (title: string) => console.log(`\n=== ${title}`);

section('Ingest (upload → indexed FlatGeobuf)');
await runIngestBench(quick ? 100_000 : 1_000_000);

section('Layer reader (bbox search)');
await runLayerReaderBench(quick ? { features: 100_000 } : {});
