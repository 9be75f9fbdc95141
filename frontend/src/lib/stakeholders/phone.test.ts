import { expect, test } from 'vitest';
import { filenameFromDisposition } from '../../api/stakeholders';
import { displayPhone } from './phone';

test('stored phone numbers (E.164) are shown the Dutch way', () => {
  expect(displayPhone('+31612345678')).toBe('06 12345678');
  expect(displayPhone('+31101234567')).toBe('010 123 4567');
  expect(displayPhone('+31318123456')).toBe('0318 123456');
  expect(displayPhone('+3221234567')).toBe('+3221234567');
});

test('the export’s file name comes from Content-Disposition', () => {
  expect(filenameFromDisposition('attachment; filename="stakeholders-lage-weide-2026-11-28.csv"')).toBe(
    'stakeholders-lage-weide-2026-11-28.csv',
  );
  expect(filenameFromDisposition("attachment; filename*=UTF-8''betrokkenen%20%C3%A9.xlsx")).toBe('betrokkenen é.xlsx');
  expect(filenameFromDisposition(null)).toBeNull();
});
