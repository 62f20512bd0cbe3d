/**
 * @module auth/common-passwords
 * Passwords of 10+ characters that top the public breach lists (and German favourites). Shorter ones
 * fail the length rule anyway. A small list on purpose: it catches the reflexive choices without
 * shipping a megabyte; a breach-corpus check (k-anonymity API) would need the network we do not have.
 */
const LIST = `
1234567890 0123456789 12345678910 123456789a 1234567890a 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc
qwertyuiop qwertzuiop qwertyuiop1 qwertz1234 qwerty1234 qwerty12345 qwerty123456 asdfghjkl1 asdfghjkl;
password1 password12 password123 password1234 passwort12 passwort123 passwort1234 passwort!1
iloveyou12 iloveyou123 sunshine12 princess12 football12 baseball12 welcome123 welcome1234
abcdefghij abc1234567 abcd123456 a1b2c3d4e5 zaq12wsxcde 1111111111 0000000000 9876543210
administrator admin12345 admin123456 letmein123 trustno1234 monkey1234 dragon1234 superman123
hallo12345 hallo123456 geheim1234 geheim12345 schalke04! borussia09 bayernmuenchen fussball12
sommer2024 sommer2025 sommer2026 winter2024 winter2025 winter2026 herbst2025 fruehling2025
januar2026 februar2026 dezember2025 november2026 oktober2026 deutschland deutschland1
tiefblick1 tiefblick123 tiefblick2026 leitungsauskunft baustelle1 baustelle123 passwort2026
passwort2025 password2025 password2026 changeme123 startstart start12345 test123456 test1234567
testtest12 willkommen willkommen1 willkommen123 ichliebedich mausi12345 schatz1234 hallohallo
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
