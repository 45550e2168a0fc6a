import { describe, expect, it } from 'vitest';
import { classifyPath, OpenQueue, openRequestsFromArgv } from '../../../electron/main/open-requests';
import type { OpenRequest } from '../../../shared/api/bridge';

describe('open requests from a command line', () => {
  it('finds projects and data files after the executable, resolving relative paths against the cwd', () => {
    const argv = ['/opt/Minsheng/minsheng', 'city.minsheng', '/data/12345.CSV', 'notes.docx'];
    expect(openRequestsFromArgv(argv, { cwd: '/home/a', skip: 1, platform: 'linux' })).toEqual([
      { kind: 'project', path: '/home/a/city.minsheng' },
      { kind: 'data', path: '/data/12345.CSV' },
    ]);
  });

  it('ignores switches Chromium adds to a second instance, the dev app folder and duplicates', () => {
    const argv = ['electron', '.', '--allow-file-access-from-files', '--original-process-start-time=1', '-psn_0_1', 'a.minsheng', './a.minsheng'];
    expect(openRequestsFromArgv(argv, { cwd: '/w', skip: 1, platform: 'linux' })).toEqual([{ kind: 'project', path: '/w/a.minsheng' }]);
  });

  it('takes file:// URLs (Linux desktop %U) and refuses other URLs', () => {
    const argv = ['x', 'file:///tmp/%E5%8D%97%E4%BA%AC.minsheng', 'https://evil.example/a.minsheng', 'minsheng://open?x.csv'];
    expect(openRequestsFromArgv(argv, { cwd: '/', skip: 1, platform: 'linux' })).toEqual([{ kind: 'project', path: '/tmp/南京.minsheng' }]);
  });

  it('handles Windows paths, quotes and case-insensitive duplicates', () => {
    const argv = ['C:\\Program Files\\Minsheng\\Minsheng.exe', '"D:\\数据\\城市.MINSHENG"', 'd:\\数据\\城市.minsheng', 'rel\\x.xlsx'];
    expect(openRequestsFromArgv(argv, { cwd: 'C:\\Users\\a', skip: 1, platform: 'win32' })).toEqual([
      { kind: 'project', path: 'D:\\数据\\城市.MINSHENG' },
      { kind: 'data', path: 'C:\\Users\\a\\rel\\x.xlsx' },
    ]);
  });

  it('keeps at most ten and never the executable itself', () => {
    const argv = ['/a/b.minsheng', ...Array.from({ length: 20 }, (_, i) => `/f${i}.csv`)];
    const r = openRequestsFromArgv(argv, { cwd: '/', skip: 1, platform: 'linux' });
    expect(r).toHaveLength(10);
    expect(r.some((x) => x.path === '/a/b.minsheng')).toBe(false);
  });

  it('classifies by extension only', () => {
    expect(classifyPath('/x/y.minsheng')).toBe('project');
    expect(classifyPath('/x/y.jsonl')).toBe('data');
    expect(classifyPath('/x/minsheng')).toBeNull();
    expect(classifyPath('/x/y.minsheng.bak')).toBeNull();
  });
});

describe('open queue', () => {
  it('holds requests until the renderer asks, then delivers directly; a reload queues again', () => {
    const delivered: OpenRequest[] = [];
    const q = new OpenQueue((r) => delivered.push(r));
    q.push([{ kind: 'project', path: '/a.minsheng' }, { kind: 'project', path: '/a.minsheng' }]);
    expect(delivered).toEqual([]);
    expect(q.take()).toEqual([{ kind: 'project', path: '/a.minsheng' }]);
    q.push([{ kind: 'data', path: '/b.csv' }]);
    expect(delivered).toEqual([{ kind: 'data', path: '/b.csv' }]);
    q.pause();
    q.push([{ kind: 'data', path: '/c.csv' }]);
    expect(delivered).toHaveLength(1);
    expect(q.take()).toEqual([{ kind: 'data', path: '/c.csv' }]);
    expect(q.take()).toEqual([]);
  });
});
