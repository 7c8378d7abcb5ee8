import { describe, expect, it } from 'vitest';
import { bankCard, email, idCard, mobile, nameInText, person, phoneInText, plate } from '../../../pipelines/sample/pii.js';
import { Rng } from '../../../pipelines/sample/prng.js';

function luhnOk(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  });
  return sum % 10 === 0;
}

function idCheckOk(id: string): boolean {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...id.slice(0, 17)].reduce((a, d, i) => a + Number(d) * w[i], 0);
  return '10X98765432'[sum % 11] === id[17];
}

describe('fake personal data', () => {
  const rng = new Rng(1, 'pii-test');

  it('makes ID-card numbers with a valid birth date and check character', () => {
    for (let i = 0; i < 500; i++) {
      const id = idCard(rng);
      expect(id).toMatch(/^[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d)\d{3}[\dX]$/);
      expect(idCheckOk(id), id).toBe(true);
    }
  });

  it('makes UnionPay card numbers that pass the Luhn check, sometimes grouped by four', () => {
    const cards = Array.from({ length: 300 }, () => bankCard(rng));
    for (const c of cards) {
      const digits = c.replace(/ /g, '');
      expect(digits).toMatch(/^62\d{14}(\d{3})?$/);
      expect(luhnOk(digits), c).toBe(true);
    }
    expect(cards.some((c) => c.includes(' '))).toBe(true);
  });

  it('writes mobile numbers in several formats that keep their eleven digits', () => {
    const formats = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const m = mobile(rng);
      expect(m).toMatch(/^1[3-9]\d{9}$/);
      const shown = phoneInText(rng, m);
      expect(shown.replace(/\D/g, '').endsWith(m)).toBe(true);
      formats.add(shown.replace(/\d/g, '9'));
    }
    expect(formats.size).toBeGreaterThanOrEqual(4);
  });

  it('makes plates in the old and new-energy shapes, without I or O', () => {
    const plates = Array.from({ length: 300 }, () => plate(rng));
    for (const p of plates) expect(p).toMatch(/^[吉黑辽冀蒙京][A-HJ-NP-Z](·?[A-HJ-NP-Z0-9]{5}|[DF]\d{5})$/);
    expect(plates.some((p) => /^..[DF]\d{5}$/.test(p))).toBe(true);
    expect(plates.some((p) => p.includes('·'))).toBe(true);
  });

  it('makes e-mail addresses and names the way records write them', () => {
    for (let i = 0; i < 100; i++) expect(email(rng)).toMatch(/^[a-z0-9_]+@[a-z0-9]+\.com$/);
    const p = person(rng);
    const phoneStyle = Array.from({ length: 50 }, () => nameInText(rng, p, false));
    expect(phoneStyle.every((t) => t.includes(p.surname))).toBe(true);
    expect(phoneStyle.some((t) => t.startsWith('来电人'))).toBe(true);
    expect(Array.from({ length: 50 }, () => nameInText(rng, p, true)).some((t) => t === `我姓${p.surname}`)).toBe(true);
  });
});
