import { describe, expect, test } from 'vitest';
import { loadLexicon } from '../../../pipelines/topics/lexicon.js';
import { makeClauseCleaner, makeTextCleaner, toHalfWidth } from '../../../pipelines/topics/normalise.js';

const lex = loadLexicon();

describe('normalisation', () => {
  test('full-width letters, digits and punctuation become half-width', () => {
    expect(toHalfWidth('ＡＢＣ１２３，ｘ　ｙ')).toBe('ABC123,x y');
    expect(makeTextCleaner(lex)('ＡＢＣ１２３')).toBe('ABC123');
  });

  test('masked tokens go in either bracket style', () => {
    const clean = makeTextCleaner(lex);
    expect(clean('联系电话[电话]。车牌【车牌】。[姓名]先生')).toBe('联系电话 。车牌 。 先生');
    expect(clean('没有个人信息')).toBe('没有个人信息');
  });

  test('boilerplate is removed whole and traditional characters are simplified', () => {
    const clean = makeClauseCleaner(lex);
    expect(clean('市民来电反映楼道电动车充电请相关部门尽快处理')).toBe(' 楼道电动车充电 ');
    expect(clean('樓道電動車')).toBe('楼道电动车');
  });
});
