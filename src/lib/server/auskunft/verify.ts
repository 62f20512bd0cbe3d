/**
 * @module auskunft/verify
 * Is this PDF an Auskunft we issued? Authentic when its sha256 matches any issued document version of
 * that number. Public: says who requested it and until when it is valid, nothing about lines.
 */
import type { Sql } from '../db';
import { appendAudit } from '../audit/repo';
import { findOrgById } from '../accounts/repo';
import { documents, findAuskunftByNumber } from './repo';

export interface VerifyResult {
	number: string;
	authentic: boolean;
	version: number | null;
	issuedAt: Date | null;
	validUntil: string;
	org: string;
	latestVersion: number;
}

export async function verifyDocument(db: Sql, number: string, sha256: string | null, ip: string): Promise<VerifyResult | null> {
	const a = await findAuskunftByNumber(db, number.trim().toUpperCase());
	if (!a) return null;
	const docs = await documents(db, a.id);
	const hash = sha256?.trim().toLowerCase() ?? '';
	const match = hash ? docs.find((d) => d.sha256 === hash) : undefined;
	const org = await findOrgById(db, a.orgId);
	await db.begin((tx) =>
		appendAudit(tx, { action: 'auskunft.verified', subject: a.id, data: { checked: Boolean(hash), authentic: Boolean(match) }, personal: { ip } })
	);
	return {
		number: a.number,
		authentic: Boolean(match),
		version: match?.version ?? null,
		issuedAt: match?.issuedAt ?? null,
		validUntil: a.validUntil,
		org: org?.name ?? '',
		latestVersion: docs[docs.length - 1]?.version ?? 1
	};
}
