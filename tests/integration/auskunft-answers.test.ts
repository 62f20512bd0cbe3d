/**
 * The answers after the first document, against `node build` with the demo networks: a manual operator
 * answers from its inbox (new, verifiable document versions), the working-day deadline turns silence
 * into keine_antwort, renewal re-checks against a new layer version with a diff, and field feedback
 * reaches only the operator concerned. Time moves by restarting the server on the same database with a
 * later FAKE_NOW (the clock starts there and runs on).
 *
 * Timeline (Europe/Berlin): Thu 30 Oct 2025 requests · Fri 31 Oct Reformationstag (no working day) ·
 * due Mon 3 Nov 24:00 · keine_antwort after Tue 4 Nov 24:00 · March 2026: everything expired, renewal.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDb } from './helpers/pg';
import { startServer, type TestServer } from './helpers/server';
import { api, Browser, createToken } from './helpers/client';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';

const ABWASSER = 'Abwasserverband Saaleaue (Demo)';
const STADTWERKE = 'Stadtwerke Saalestadt (Demo)';
const MARKT = { type: 'Polygon', coordinates: [[[11.969, 51.4825], [11.9696, 51.4825], [11.9696, 51.48277], [11.969, 51.48277], [11.969, 51.4825]]] };
const request = (description: string) => ({
	type: 'bau',
	geometry: MARKT,
	workClass: 'aufgrabung',
	period: { start: '2030-05-04', end: '2030-05-15' },
	description,
	site: { firma: 'Tiefbau Musterbau GmbH', bauleiter: 'Bernd Bauleiter', mobil: '0170 0000000', strasse: 'Marktplatz', hausnummer: '7' }
});

let db: FreshDb;
let server: TestServer;
let dataDir: string;
let bau: string;
let planer: string;

async function restartAt(fakeNow: string): Promise<void> {
	await server?.stop();
	server = await startServer({ DATABASE_URL: db.url, DATA_DIR: dataDir, TIEFBLICK_DEMO: '1', FAKE_NOW: fakeNow, AUSKUNFT_MAX_PER_HOUR: '100' }, 90_000);
}

async function browserFor(email: string): Promise<Browser> {
	const b = new Browser(server.url);
	const res = await b.login(email, DEMO_PASSWORD);
	expect(res.status, `Anmeldung ${email}`).toBe(303);
	return b;
}

async function html(b: Browser, path: string): Promise<{ status: number; text: string }> {
	const res = await b.get(path);
	return { status: res.status, text: await res.text() };
}

/** A multipart form post as a browser without JavaScript sends it. */
async function postMultipart(b: Browser, path: string, form: FormData): Promise<Response> {
	return fetch(b.base + path, { method: 'POST', body: form, redirect: 'manual', headers: { accept: 'text/html', origin: b.base, cookie: b.cookie ?? '' } });
}

async function pdfOf(id: string, version: number): Promise<{ bytes: Buffer; text: string; sha: string }> {
	const res = await fetch(`${server.url}/api/v1/auskuenfte/${id}/pdf?version=${version}`, { headers: { authorization: `Bearer ${bau}` } });
	expect(res.status).toBe(200);
	const bytes = Buffer.from(await res.arrayBuffer());
	const file = join(dataDir, `v${version}-${id}.pdf`);
	writeFileSync(file, bytes);
	execFileSync('qpdf', ['--check', file]);
	return { bytes, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), sha: createHash('sha256').update(bytes).digest('hex') };
}

async function audit(action: string, subject: string): Promise<Record<string, unknown>[]> {
	return (await db.sql<{ data: Record<string, unknown> }[]>`select data from audit_log where action = ${action} and subject = ${subject} order by seq`).map((r) => r.data);
}

const operatorOf = (a: any, name: string) => a.operators.find((o: any) => o.name === name);

beforeAll(async () => {
	db = await freshDatabase();
	dataDir = mkdtempSync(join(tmpdir(), 'tb-answers-'));
	await restartAt('2025-10-30T10:00:00+01:00');
	bau = await createToken(server.url, 'bauleiter@musterbau.demo', DEMO_PASSWORD);
	planer = await createToken(server.url, 'planung@ib-beispiel.demo', DEMO_PASSWORD);
}, 150_000);
afterAll(async () => {
	await server?.stop();
	await db?.drop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('answers, deadlines, renewal, feedback', () => {
	let released: any; // answered by the operator from its inbox
	let silent: any; // nobody answers: keine_antwort
	let withDocs: any; // answered with own documents

	it('a request over the Marktplatz waits for the Abwasserverband, due at the end of the next working day', async () => {
		const created = await Promise.all(['Freigabe', 'Fristablauf', 'Eigene Unterlagen'].map((d) => api(server.url, 'POST', '/api/v1/auskuenfte', { token: bau, body: request(`Hausanschluss, ${d}`) })));
		for (const r of created) expect(r.status, JSON.stringify(r.body)).toBe(201);
		[released, silent, withDocs] = created.map((r) => r.body);
		expect(operatorOf(released, ABWASSER)).toMatchObject({ status: 'ausstehend', validUntil: null });
		expect(released.status).toBe('vorlaeufig');
		const [row] = await db.sql<{ deadline_at: Date; escalates_at: Date }[]>`select r.deadline_at, r.escalates_at from auskunft_operators r
			join organisations o on o.id = r.operator_org_id where r.auskunft_id = ${released.id} and o.name = ${ABWASSER}`;
		// Friday 31 October is Reformationstag in Sachsen-Anhalt: due Monday, keine_antwort after Tuesday
		expect(row!.deadline_at.toISOString()).toBe('2025-11-03T22:59:59.999Z');
		expect(row!.escalates_at.toISOString()).toBe('2025-11-04T22:59:59.999Z');
	});

	it('shows the operator its inbox: its own result only, with the due date', async () => {
		const abwasser = await browserFor('netz@abwasser-saaleaue.demo');
		const page = await html(abwasser, '/netze/eingang');
		expect(page.status).toBe(200);
		for (const a of [released, silent, withDocs]) expect(page.text).toContain(a.number);
		expect(page.text).toContain('Tiefbau Musterbau GmbH (Demo)');
		expect(page.text).toContain('03.11.2025, 23:59');
		// nothing about the other operators of the same requests
		for (const other of released.operators.filter((o: any) => o.name !== ABWASSER)) expect(page.text).not.toContain(other.name);
		const sw = await browserFor('netz@sw-saalestadt.demo');
		expect((await html(sw, '/netze/eingang')).text).not.toContain(released.number);
	});

	it('releases the computed plan: version 2, verifiable, the lines go to the requester', async () => {
		const abwasser = await browserFor('netz@abwasser-saaleaue.demo');
		const res = await abwasser.postForm('/netze/eingang?/answer', { auskunftId: released.id, kind: 'freigabe' });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain(`${released.number} beantwortet: betroffen. Version 2`);

		const now = (await api(server.url, 'GET', `/api/v1/auskuenfte/${released.id}`, { token: bau })).body;
		const ab = operatorOf(now, ABWASSER);
		expect(ab.status).toBe('betroffen');
		expect(ab.featureCount).toBeGreaterThan(0);
		expect(ab.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(now.documents.map((d: any) => d.version)).toEqual([1, 2]);
		expect(now.number).toBe(released.number);
		const stillPending = now.operators.some((o: any) => o.status === 'ausstehend');
		expect(now.status).toBe(stillPending ? 'vorlaeufig' : 'erteilt');

		const v2 = await pdfOf(released.id, 2);
		expect(v2.text).toContain(released.number);
		expect(v2.text).toContain(ABWASSER);
		if (!stillPending) expect(v2.text).not.toMatch(/VORLÄUFIG/);
		const verified = await api(server.url, 'GET', `/api/v1/verify/${released.number}?sha256=${v2.sha}`);
		expect(verified.body).toMatchObject({ number: released.number, authentic: true, version: 2 });
		const v1 = await pdfOf(released.id, 1);
		expect((await api(server.url, 'GET', `/api/v1/verify/${released.number}?sha256=${v1.sha}`)).body).toMatchObject({ authentic: true, version: 1 });

		const geo = await api(server.url, 'GET', `/api/v1/auskuenfte/${released.id}/features.geojson`, { token: bau });
		expect(geo.body.features.filter((f: any) => f.properties.operator === ABWASSER)).toHaveLength(ab.featureCount);
		expect(await audit('auskunft.answered', released.id)).toEqual([expect.objectContaining({ answer: 'freigabe', from: 'ausstehend', status: 'betroffen', version: 2, pdfSha256: v2.sha })]);

		// the requester's page lists both versions and why the second one exists
		const page = await html(await browserFor('bauleiter@musterbau.demo'), `/auskunft/${released.id}`);
		expect(page.text).toContain('PDF Version 2');
		expect(page.text).toContain('PDF Version 1');
		expect(page.text).toContain('Antwort eines Betreibers');
	});

	it('takes an answer once, and only from an operator the request was addressed to', async () => {
		const abwasser = await browserFor('netz@abwasser-saaleaue.demo');
		expect((await abwasser.postForm('/netze/eingang?/answer', { auskunftId: released.id, kind: 'nicht_betroffen' })).status).toBe(409);
		// the Fernmelde AG has no coverage at the Marktplatz: for it the request does not exist
		expect(operatorOf(silent, 'Fernmelde Beispiel AG (Demo)')).toBeUndefined();
		const fernmelde = await browserFor('planauskunft@fernmelde-beispiel.demo');
		expect((await fernmelde.postForm('/netze/eingang?/answer', { auskunftId: silent.id, kind: 'nicht_betroffen' })).status).toBe(404);
		expect((await html(fernmelde, '/netze/eingang')).text).not.toContain(silent.number);
		// the Glasfaser GmbH answered automatically when the request came in
		const glasfaser = await browserFor('planauskunft@glasfaser-fiktiv.demo');
		expect((await glasfaser.postForm('/netze/eingang?/answer', { auskunftId: silent.id, kind: 'freigabe' })).status).toBe(409);
		const bauBrowser = await browserFor('bauleiter@musterbau.demo');
		expect((await bauBrowser.postForm('/netze/eingang?/answer', { auskunftId: silent.id, kind: 'nicht_betroffen' })).status).toBe(403);
		expect(operatorOf((await api(server.url, 'GET', `/api/v1/auskuenfte/${silent.id}`, { token: bau })).body, ABWASSER).status).toBe('ausstehend');
	});

	it('answers with own documents: betroffen, the PDF listed for the requester, the computed plan withheld', async () => {
		const abwasser = await browserFor('netz@abwasser-saaleaue.demo');
		const doc = await PDFDocument.create();
		doc.addPage().drawText('Bestandsplan Abwasser Marktplatz');
		const bytes = await doc.save();
		const form = new FormData();
		form.set('auskunftId', withDocs.id);
		form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'Bestandsplan Markt.pdf');
		const res = await postMultipart(abwasser, '/netze/eingang?/documents', form);
		expect(res.status).toBe(200);
		const now = (await api(server.url, 'GET', `/api/v1/auskuenfte/${withDocs.id}`, { token: bau })).body;
		expect(operatorOf(now, ABWASSER)).toMatchObject({ status: 'betroffen', featureCount: 0 });
		expect(now.documents).toHaveLength(2);
		const geo = await api(server.url, 'GET', `/api/v1/auskuenfte/${withDocs.id}/features.geojson`, { token: bau });
		expect(geo.body.features.some((f: any) => f.properties.operator === ABWASSER)).toBe(false);
		expect((await pdfOf(withDocs.id, 2)).text).toContain('Bestandsplan Markt.pdf');

		const bauBrowser = await browserFor('bauleiter@musterbau.demo');
		const page = await html(bauBrowser, `/auskunft/${withDocs.id}`);
		const link = page.text.match(/href="(\/auskunft\/[^"]+\/anlagen\/[^"]+)"/)![1]!;
		const file = await bauBrowser.get(link);
		expect(file.status).toBe(200);
		expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
		const planerBrowser = await browserFor('planung@ib-beispiel.demo');
		expect((await planerBrowser.get(link)).status).toBe(404);
	});

	it('keeps waiting over Reformationstag: still ausstehend on Tuesday evening', async () => {
		await restartAt('2025-11-04T20:00:00+01:00');
		const a = (await api(server.url, 'GET', `/api/v1/auskuenfte/${silent.id}`, { token: bau })).body;
		expect(operatorOf(a, ABWASSER).status).toBe('ausstehend');
		expect(a.documents).toHaveLength(1);
	}, 120_000);

	it('after two working days without an answer: keine_antwort, unvollstaendig, a new version, ask directly', async () => {
		await restartAt('2025-11-05T00:30:00+01:00');
		const a = (await api(server.url, 'GET', `/api/v1/auskuenfte/${silent.id}`, { token: bau })).body;
		expect(operatorOf(a, ABWASSER)).toMatchObject({ status: 'keine_antwort', validUntil: null });
		expect(a.status).toBe('unvollstaendig');
		expect(a.documents.map((d: any) => d.version)).toEqual([1, 2]);
		const v2 = await pdfOf(silent.id, 2);
		expect(v2.text).toContain(silent.number);
		expect(v2.text).toMatch(/UNVOLLSTÄNDIG/);
		expect(v2.text.replace(/\s+/g, ' ')).toMatch(/keine Antwort innerhalb der Frist – das ist keine ?Negativauskunft/);
		expect((await api(server.url, 'GET', `/api/v1/verify/${silent.number}?sha256=${v2.sha}`)).body).toMatchObject({ authentic: true, version: 2 });
		expect(await audit('auskunft.no_answer', silent.id)).toHaveLength(1);

		// idempotent: reading again issues nothing more
		expect((await api(server.url, 'GET', `/api/v1/auskuenfte/${silent.id}`, { token: bau })).body.documents).toHaveLength(2);
		const page = await html(await browserFor('bauleiter@musterbau.demo'), `/auskunft/${silent.id}`);
		expect(page.text).toContain('Bitte direkt beim Betreiber anfragen');
		expect(page.text).toContain('Frist abgelaufen (keine Antwort)');
		// the operator still sees it, and may still answer late
		expect((await html(await browserFor('netz@abwasser-saaleaue.demo'), '/netze/eingang')).text).toContain('Frist verpasst');
	}, 120_000);

	it('sends field feedback to the operator concerned only', async () => {
		const sw = operatorOf(released, STADTWERKE);
		const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
		const body = { operatorId: sw.id, kind: 'lageabweichung', deviationM: '0,8', comment: 'Wasserleitung 80 cm weiter nördlich als im Plan', photo: { name: 'graben.jpg', data: jpeg.toString('base64') } };
		const res = await api(server.url, 'POST', `/api/v1/auskuenfte/${released.id}/rueckmeldungen`, { token: bau, body });
		expect(res.status, JSON.stringify(res.body)).toBe(201);
		expect(res.body).toMatchObject({ operator: { id: sw.id, name: STADTWERKE }, kind: 'lageabweichung', deviationM: 0.8, photo: true });
		expect((await api(server.url, 'POST', `/api/v1/auskuenfte/${released.id}/rueckmeldungen`, { token: bau, body: { ...body, deviationM: '' } })).status).toBe(422);
		expect((await api(server.url, 'POST', `/api/v1/auskuenfte/${released.id}/rueckmeldungen`, { token: planer, body })).status).toBe(404);
		expect((await api(server.url, 'GET', `/api/v1/auskuenfte/${released.id}/rueckmeldungen`, { token: bau })).body.items).toHaveLength(1);
		expect(await audit('auskunft.feedback', released.id)).toEqual([expect.objectContaining({ operator: sw.id, kind: 'lageabweichung', photo: true })]);

		const swInbox = await html(await browserFor('netz@sw-saalestadt.demo'), '/netze/eingang');
		expect(swInbox.text).toContain('Wasserleitung 80 cm weiter nördlich als im Plan');
		const photoLink = swInbox.text.match(/href="(\/netze\/eingang\/rueckmeldung\/[^"]+\/foto)"/)![1]!;
		const abwasser = await browserFor('netz@abwasser-saaleaue.demo');
		expect((await html(abwasser, '/netze/eingang')).text).not.toContain('80 cm weiter nördlich');
		expect((await abwasser.get(photoLink)).status).toBe(404);
		const photo = await (await browserFor('netz@sw-saalestadt.demo')).get(photoLink);
		expect(photo.headers.get('content-type')).toBe('image/jpeg');
	});

	it('renews against a new layer version: the diff, a new validity, vector data again after expiry', async () => {
		await restartAt('2026-03-02T09:00:00+01:00');
		const before = (await api(server.url, 'GET', `/api/v1/auskuenfte/${released.id}`, { token: bau })).body;
		expect(before.status).toBe('abgelaufen');
		expect((await api(server.url, 'GET', `/api/v1/auskuenfte/${released.id}/features.geojson`, { token: bau })).status).toBe(410);
		expect((await api(server.url, 'POST', `/api/v1/auskuenfte/${released.id}/rueckmeldungen`, { token: bau, body: { operatorId: operatorOf(before, STADTWERKE).id, kind: 'nicht_vorgefunden' } })).status).toBe(409);

		// the Stadtwerke replace their water layer: one line under the Marktplatz gone, a new one across it
		const wasser = before.layerVersions.find((l: any) => l.layer === 'Wasser Versorgungsleitungen');
		const oldSha = wasser.sha256;
		const fc = JSON.parse(readFileSync('layers/demo/stadtwerke-saalestadt/wasser.geojson', 'utf8'));
		expect((await api(server.url, 'GET', `/api/v1/auskuenfte/${released.id}/pdf`, { token: bau })).status).toBe(200); // the PDF stays
		const stored = await db.sql<{ features: { features: { properties: { source_id: string; layer: string } }[] } }[]>`
			select r.features from auskunft_operators r join organisations o on o.id = r.operator_org_id
			where r.auskunft_id = ${released.id} and o.name = ${STADTWERKE}`;
		const gone = stored[0]!.features.features.find((f) => f.properties.layer === 'Wasser Versorgungsleitungen')!.properties.source_id;
		fc.features = fc.features.filter((f: any) => f.properties.source_id !== gone);
		fc.features.push({ type: 'Feature', properties: { ...fc.features[0].properties, source_id: 'SWS-W-NEU-1' }, geometry: { type: 'LineString', coordinates: [[11.9688, 51.48262], [11.9698, 51.48265]] } });
		const swToken = await createToken(server.url, 'netz@sw-saalestadt.demo', DEMO_PASSWORD);
		const form = new FormData();
		form.set('file', new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }), 'wasser-2026.geojson');
		const up = await fetch(`${server.url}/api/v1/layers/${wasser.layerId}/versions`, { method: 'POST', body: form, headers: { authorization: `Bearer ${swToken}` } });
		expect(up.status, await up.clone().text()).toBe(201);

		expect((await api(server.url, 'POST', `/api/v1/auskuenfte/${released.id}/renew`, { token: planer })).status).toBe(404);
		const renewed = await api(server.url, 'POST', `/api/v1/auskuenfte/${released.id}/renew`, { token: bau });
		expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
		const r = renewed.body;
		expect(r.number).toBe(released.number);
		expect(r.validUntil > '2026-03-02').toBe(true);
		expect(r.documents.map((d: any) => d.version)).toEqual([1, 2, 3]);
		expect(r.diff.validUntil).toEqual({ from: before.validUntil, to: r.validUntil });
		expect(r.diff.layerVersionsChanged).toEqual([expect.objectContaining({ layerId: wasser.layerId, layer: 'Wasser Versorgungsleitungen', operator: STADTWERKE, from: oldSha })]);
		const sw = operatorOf(r, STADTWERKE);
		expect(r.diff.featuresAdded).toEqual(expect.arrayContaining([expect.objectContaining({ id: sw.id, sourceIds: expect.arrayContaining(['SWS-W-NEU-1']) })]));
		expect(r.diff.featuresRemoved).toEqual(expect.arrayContaining([expect.objectContaining({ id: sw.id, sourceIds: expect.arrayContaining([gone]) })]));
		// the manual operator answers the new validity again
		expect(r.diff.statusChanged).toEqual(expect.arrayContaining([{ id: operatorOf(r, ABWASSER).id, name: ABWASSER, from: 'betroffen', to: 'ausstehend' }]));
		// every other line is as it was (stored features come back from jsonb: keys reordered, same content)
		expect(r.diff.featuresChanged).toEqual([]);
		expect(r.diff.featuresAdded.filter((x: any) => x.id !== sw.id)).toEqual([]);
		expect(r.diff.operatorsAdded).toEqual([]);
		expect(r.diff.operatorsRemoved).toEqual([]);

		const lines = await api(server.url, 'GET', `/api/v1/auskuenfte/${released.id}/features.geojson`, { token: bau });
		expect(lines.status).toBe(200);
		expect(lines.body.features.some((f: any) => f.properties.source_id === 'SWS-W-NEU-1')).toBe(true);
		expect(lines.body.features.some((f: any) => f.properties.source_id === gone)).toBe(false);
		const v3 = await pdfOf(released.id, 3);
		expect((await api(server.url, 'GET', `/api/v1/verify/${released.number}?sha256=${v3.sha}`)).body).toMatchObject({ authentic: true, version: 3 });
		expect(await audit('auskunft.renewed', released.id)).toEqual([expect.objectContaining({ validity: 2, version: 3 })]);
		const [kept] = await db.sql<{ n: number }[]>`select count(*)::int as n from auskunft_validities where auskunft_id = ${released.id}`;
		expect(kept!.n).toBe(1);
		// the new validity takes feedback again
		expect((await api(server.url, 'POST', `/api/v1/auskuenfte/${released.id}/rueckmeldungen`, { token: bau, body: { operatorId: sw.id, kind: 'nicht_vorgefunden' } })).status).toBe(201);
	}, 150_000);
});
