import { describe, expect, it } from 'vitest';
import { csvCell, csvTable } from '../../server/http/csvTable.ts';

describe('[HI3] CSV exports never hand a spreadsheet a live formula', () => {
  it('[HI3] cells starting with = + - @ tab or carriage return are prefixed with a quote', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+27 82 555 0147')).toBe("'+27 82 555 0147");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('Thandi, Mokoena')).toBe('"Thandi, Mokoena"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('[HI3] a table is one line per row with a trailing newline', () => {
    expect(csvTable([['a', 'b'], ['=1', 'x\ny']])).toBe(`a,b\n'=1,"x\ny"\n`);
  });
});
