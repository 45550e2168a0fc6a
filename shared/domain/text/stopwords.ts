/**
 * Default stopwords for hotline text: function words plus the boilerplate every request carries
 * (市民来电反映, 希望相关部门尽快处理…), which would otherwise top every keyword list. The analyst
 * adds and removes words in the app; the project stores only the differences.
 */
const FUNCTION_WORDS = `我们 你们 他们 她们 它们 自己 什么 怎么 怎样 如何 为什么 这个 那个 这些 那些 这里 那里 这样 那样
这种 那种 一个 一些 一下 一直 一样 一起 已经 还是 还有 就是 但是 可是 而且 并且 或者 因为 所以 如果 虽然 然后 而是 不是 没有
不能 不会 可以 可能 应该 需要 能够 非常 特别 比较 十分 很多 很大 所有 其他 其它 以及 以上 以下 之后 之前 期间 目前 现在 当时
时候 情况 问题 方面 相关 有关 对于 关于 通过 进行 存在 表示 认为 要求 希望 请求 给予 予以 尽快 及时 严重 多次 经常 仍然 依然
此前 近期 最近 今年 去年 明年 今天 昨天 明天 每天 一天 几天 本人 大家 我家 家里 地方 东西 事情 情况下 导致 造成 影响 发生 出现
以来 为了 还要 只是 只有 甚至 不过 同时 另外 其中 其实 并未 并没有 没人 有人 有些 很久 一次 两次 多年 一年 多月 一周 两天 左右`;

const HOTLINE_BOILERPLATE = `市民 来电 来电人 反映 来电反映 市民来电 来电称 咨询 投诉 举报 建议 求助 表扬 来信 留言 网民 群众 用户 居民 反应
相关部门 有关部门 部门 工作人员 处理 核实 解决 答复 回复 尽快处理 核实处理 依法 查处 监管 加强 帮助 派人 告知 办理 流程 材料
具体 给予解答 解答 清楚 表示 称 系 情绪 激动 感谢 致电 此事 该问题 上述 诉求 工单 热线 12345 a市 a区 您好 你好 领导 政府 谢谢
附近 周边 交叉口 同样 如此 已有 半个 明显 持续 身边 不少 遇到 尤为 开始 上个月 人系 人称 无人 一家 使用 网上 查询 拨打 老人和孩子
深受其扰 不便 带来 很大 正常 意见 隐患 较大 一周 半个多月 这两天 几次 一段时间 反复 始终 迟迟 至今 仍未 未能 无果 没有用
深受 其扰 严肃处理 依法查处 采纳 研究 公众 公众号 小程序 程序 无法 时间 家中 接听 无人接听 处理完毕 现场`;

const ENGLISH = `a an the and or but of to in on at for from by with about as is are was were be been being it its this that these
those there here i we you he she they me us him her them my our your their not no yes do does did have has had will would
can could should may might must please request requests service call reported report also just only very more most`;

function words(s: string): string[] {
  return s.split(/\s+/).map((w) => w.trim()).filter(Boolean);
}

export const DEFAULT_STOPWORDS: readonly string[] = [...new Set([...words(FUNCTION_WORDS), ...words(HOTLINE_BOILERPLATE), ...words(ENGLISH)])];

/** The effective stopword set: defaults, plus the analyst's additions, minus the analyst's removals. */
export function stopwordSet(added: readonly string[] = [], removed: readonly string[] = []): Set<string> {
  const out = new Set(DEFAULT_STOPWORDS);
  for (const w of added) out.add(w.toLowerCase());
  for (const w of removed) out.delete(w.toLowerCase());
  return out;
}
