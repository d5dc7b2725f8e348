import type { Benchmark } from './schema.js';

/**
 * Keys every benchmark figure by who measured it and which variant it is, so that figures the
 * upstream data and older overlays filed under one id are no longer compared with each other:
 * an independent leaderboard's harness is named after it; a maker's own figure is "self-reported";
 * variants named only in the metric (τ²-bench filed as τ-bench, HumanEval+ pass@5 filed as
 * HumanEval, OpenAI's 2-needle MRCR beside Google's 8-needle) get their own id or version.
 */

/** Leaderboards that run every model on the same harness, by the address of their data. */
const INDEPENDENT: [RegExp, string][] = [
  [/artificialanalysis\.ai/, 'artificial-analysis'],
  [/labs\.scale\.com|scale\.com\/leaderboard/, 'scale-seal'],
  [/lmarena|lmsys/, 'lmarena'],
  [/livebench/i, 'livebench'],
  [/swebench\.com|SWE-bench\/swe-bench\.github\.io/i, 'swe-bench'],
  [/aider\.chat|Aider-AI\/aider/i, 'aider'],
  [/huggingface\.co\/spaces\/mteb|embeddings-benchmark/, 'mteb'],
  [/openrouter\.ai/, 'openrouter'],
];

export function keyEvidence(b: Benchmark): Benchmark {
  const out: Benchmark = { ...b };
  if (out.selfReported === undefined && out.harness === undefined) {
    const hit = INDEPENDENT.find(([re]) => re.test(b.source));
    if (hit) out.harness = hit[1];
    else {
      out.harness = 'self-reported';
      out.selfReported = true;
    }
  } else if (out.harness === undefined) out.harness = out.selfReported ? 'self-reported' : undefined;
  const metric = b.metric;
  if (/tau2|τ²/i.test(metric) && b.benchmark.startsWith('tau-bench')) out.benchmark = b.benchmark.replace('tau-bench', 'tau2-bench');
  if (/humaneval\s*(plus|\+)/i.test(metric) && b.benchmark === 'humaneval') out.benchmark = 'humaneval-plus';
  if (/humaneval-mul/i.test(metric) && b.benchmark === 'humaneval') out.benchmark = 'humaneval-mul';
  if (b.benchmark === 'mrcr' && !out.version) {
    // Google's MRCR v2 (8 needles) averaged up to 128K: the version makers' files give it. The Gemma 3
    // report's "Google MRCR" at 128K is the earlier Michelangelo MRCR, another test.
    if (/google mrcr-?v2/i.test(metric)) out.version = 'google-mrcr-v2-8-needle-128k-average';
    else if (/google mrcr/i.test(metric)) out.version = 'google-mrcr-128k';
    else if (/openai-mrcr 2 needle/i.test(metric) || /openai\.com/.test(b.source)) out.version = 'openai-mrcr-2-needle';
  }
  if (b.benchmark === 'terminal-bench' && !out.version) {
    const v = /terminal-bench\s*(\d\.\d)/i.exec(`${metric} ${b.note ?? ''}`);
    if (v) out.benchmark = `terminal-bench-${v[1]}`;
  }
  if (out.harness === undefined) delete out.harness;
  return out;
}
