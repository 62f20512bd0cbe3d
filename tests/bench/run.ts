/**
 * `npm run bench` — every benchmark, one after the other, figures and ratios printed; never part of
 * `npm test`. Set BENCH_QUICK=1 for a tenth of the data (a smoke run). Build first (`npm run build`):
 * the request benchmark runs the production server.
 */
import { runAuskunftBench } from './auskunft';
import { runClipBench } from './clip';
import { runIngestBench } from './ingest';
import { runKonflikteBench } from './konflikte';
import { runLayerReaderBench } from './layer-reader';
import { runMitnutzungBench } from './mitnutzung';

const quick = process.env.BENCH_QUICK === '1';
const section = (title: string) => console.log(`\n=== ${title}`);

section('Ingest (upload → indexed FlatGeobuf)');
await runIngestBench(quick ? 100_000 : 1_000_000);

section('Layer reader (bbox search)');
await runLayerReaderBench(quick ? { features: 100_000 } : {});

section('Clip (search + exact clip vs plain jsts vs PostGIS)');
await runClipBench(quick ? { features: 100_000 } : {});

section('Leitungsauskunft over HTTP (POST incl. PDF)');
await runAuskunftBench(quick ? 40 : 200);

section('Conflict check (a new Baustelle against the registered ones, target p99 ≤ 10 ms)');
await runKonflikteBench(quick ? { count: 5_000, subjects: 200 } : {});

section('Mitnutzung (a planned route against a city-wide duct layer, target p99 ≤ 50 ms per layer)');
await runMitnutzungBench(quick ? { features: 50_000, routes: 100 } : {});
