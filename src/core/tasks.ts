import type { Capabilities, Category } from '../catalog/schema.js';

/**
 * The task taxonomy behind `recommend` and `route`. Each task says what kind of model does it,
 * which capabilities it needs, a typical request (the default workload, an assumption stated in
 * every output), how quality is judged (which benchmarks stand for it, with weights), and the
 * default quality bar `route` uses. The README documents the method and its limits.
 */

export const TASK_IDS = [
  'classification',
  'extraction',
  'summarization',
  'chat',
  'rag',
  'reranking',
  'embedding',
  'code',
  'math',
  'vision',
  'translation',
  'agentic',
  'long-document',
] as const;
export type TaskId = (typeof TASK_IDS)[number];

export interface TaskDef {
  id: TaskId;
  label: string;
  category: Category;
  needs: (keyof Capabilities)[];
  minContext?: number;
  /** Typical tokens per request (per search for reranking). */
  profile: { input: number; output: number; docsPerSearch?: number; tokensPerDoc?: number; queryTokens?: number };
  /** Benchmarks that stand for quality on this task, and their weights. */
  benchmarks: { id: string; weight: number }[];
  /**
   * Default quality bar (0-100 on the task-quality scale, see quality.ts, where 50 is the middle of
   * the catalog's rated models and thin evidence stays near it): lower where most models do the job
   * (classification), high where models differ most (math, code, agents). Used by `route` and by
   * `recommend --prefer balanced` and `cheapest`.
   */
  floor: number;
  /** Aliases people type for the task. */
  aliases: string[];
}

const b = (id: string, weight = 1) => ({ id, weight });

/**
 * Benchmark ids that are one test run by different parties (each its own key, never pooled): a
 * model rated on two of them rests on one test, so "k of n" and the two-benchmark rule count tests.
 */
const SAME_TEST: Record<string, string> = {
  'vals-mmmu-pro': 'mmmu-pro',
  'mercor-mmmu-pro': 'mmmu-pro',
  // Context Arena runs Google DeepMind's MRCR v2 (8 needles), the test Google's cards report.
  'contextarena-mrcr-v2-8needle': 'mrcr',
  // Independent evaluators' own runs of MMLU-Pro and GPQA Diamond (benchmarks-vals2.json, benchmarks-mercor2.json).
  'vals-mmlu-pro': 'mmlu-pro',
  'mercor-mmlu-pro': 'mmlu-pro',
  'vals-gpqa': 'gpqa-diamond',
  'mercor-gpqa-diamond': 'gpqa-diamond',
  // Terminal-Bench as Vals AI (2.0 and 2.1) and Mercor (2.1) run it with the Terminus 2 agent. 2.1
  // revises 2.0's 89 tasks, so a model rated on both versions still rests on one test.
  'vals-terminal-bench-2': 'terminal-bench-2.0',
  'vals-terminal-bench-2-1': 'terminal-bench-2.0',
  'mercor-terminal-bench-2-1': 'terminal-bench-2.0',
  // SWE-bench Verified as Vals AI and Mercor run it (mini-swe-agent), and as SWE-bench's own
  // bash-only board runs it (mini-swe-agent too): one test, whoever runs it.
  'swe-bench-verified-bash-only': 'swe-bench-verified',
  'vals-swe-bench': 'swe-bench-verified',
  'mercor-swe-bench-verified': 'swe-bench-verified',
  // SWE-Bench Pro's public set as Scale AI runs it (its SEAL board: SWE-Agent or mini-swe-agent, one
  // harness per row): the same test as the makers' `swe-bench-pro`, which mixes harnesses.
  'scale-swe-bench-pro-public': 'swe-bench-pro',
  // Humanity's Last Exam as Mercor (2,158 questions) and Scale AI (the full 2,500) run it: one test.
  'mercor-hle': 'hle',
  'scale-hle': 'hle',
  // Artificial Analysis' own runs of public tests (benchmarks-aa.json); aa-scicode and aa-ifbench are tests of their own.
  'aa-gpqa-diamond': 'gpqa-diamond',
  'aa-hle': 'hle',
  'aa-mmmu-pro': 'mmmu-pro',
  'aa-livecodebench': 'livecodebench',
  'aa-aime-2025': 'aime-2025',
  // AA's hard subset of Terminal-Bench, and Terminal-Bench 2.1: one test with the makers' 2.0.
  'aa-terminal-bench-hard': 'terminal-bench-2.0',
  'aa-terminal-bench-2-1': 'terminal-bench-2.0',
  'aa-tau2-telecom': 'tau2-bench-telecom',
  'aa-tau3-banking': 'tau3-banking',
};

/** The test a benchmark id measures (its own id unless SAME_TEST names another). */
export const testOf = (id: string): string => SAME_TEST[id] ?? id;

/** How many distinct tests a list of benchmark ids stands for. */
export const countTests = (ids: Iterable<string>): number => new Set([...ids].map(testOf)).size;

export const TASKS: Record<TaskId, TaskDef> = {
  classification: {
    id: 'classification',
    label: 'classification',
    category: 'chat',
    needs: [],
    profile: { input: 300, output: 10 },
    benchmarks: [
      b('livebench-instruction-following'),
      b('livebench-reasoning', 0.5),
      b('lmarena-text', 0.5),
      b('mmlu-pro'),
      // Vals' and Mercor's own MMLU-Pro runs: independent leaderboards, splitting the makers' id's weight.
      b('vals-mmlu-pro', 0.5),
      b('mercor-mmlu-pro', 0.5),
      b('ifeval'),
      b('mmlu', 0.5),
      b('gpqa-diamond', 0.5),
      // Vals' and Mercor's own GPQA Diamond runs: independent leaderboards, splitting the makers' id's weight.
      b('vals-gpqa', 0.25),
      b('mercor-gpqa-diamond', 0.25),
      // Artificial Analysis' own runs (benchmarks-aa.json, its site as scraped on 2026-08-08).
      b('aa-gpqa-diamond', 0.25),
      b('aa-ifbench', 0.5),
    ],
    floor: 40,
    aliases: ['classify', 'labeling', 'tagging', 'intent', 'sentiment', 'moderation'],
  },
  extraction: {
    id: 'extraction',
    label: 'extraction (structured output)',
    category: 'chat',
    needs: ['structuredOutput'],
    profile: { input: 1000, output: 200 },
    benchmarks: [
      b('livebench-data-analysis'),
      b('livebench-instruction-following'),
      b('ifeval'),
      // BFCL V4's live category: real users' single-turn calls, arguments checked against the schema.
      b('bfcl-v4-live'),
      b('bfcl-v3'),
      b('bfcl-v2', 0.5),
      b('mmlu-pro', 0.5),
      // Vals' and Mercor's own MMLU-Pro runs: independent leaderboards, splitting the makers' id's weight.
      b('vals-mmlu-pro', 0.25),
      b('mercor-mmlu-pro', 0.25),
      b('drop', 0.5),
      // Artificial Analysis' own runs (benchmarks-aa.json, its site as scraped on 2026-08-08).
      b('aa-ifbench', 0.5),
    ],
    floor: 45,
    aliases: ['extract', 'structured-output', 'json', 'parsing'],
  },
  summarization: {
    id: 'summarization',
    label: 'summarization',
    category: 'chat',
    needs: [],
    profile: { input: 3000, output: 300 },
    benchmarks: [
      b('livebench-language'),
      b('livebench-instruction-following'),
      b('lmarena-text'),
      b('drop'),
      b('mmlu-pro', 0.5),
      // Vals' and Mercor's own MMLU-Pro runs: independent leaderboards, splitting the makers' id's weight.
      b('vals-mmlu-pro', 0.25),
      b('mercor-mmlu-pro', 0.25),
      b('ifeval', 0.5),
      // Vectara's leaderboard: share of a model's summaries of given articles that HHEM judges faithful to them.
      b('vectara-hhem'),
    ],
    floor: 45,
    aliases: ['summarize', 'summary', 'summaries'],
  },
  chat: {
    id: 'chat',
    label: 'chat / support',
    category: 'chat',
    needs: [],
    profile: { input: 800, output: 250 },
    benchmarks: [
      b('lmarena-text', 2),
      b('livebench-global'),
      b('livebench-instruction-following'),
      b('ifeval', 0.5),
      b('mmlu-pro', 0.5),
      // Vals' and Mercor's own MMLU-Pro runs: independent leaderboards, splitting the makers' id's weight.
      b('vals-mmlu-pro', 0.25),
      b('mercor-mmlu-pro', 0.25),
      b('tau2-bench-retail', 0.5),
      // Artificial Analysis' own runs (benchmarks-aa.json, its site as scraped on 2026-08-08).
      b('aa-ifbench', 0.5),
    ],
    floor: 50,
    aliases: ['support', 'assistant', 'chatbot', 'customer-support'],
  },
  rag: {
    id: 'rag',
    label: 'RAG answering',
    category: 'chat',
    needs: [],
    profile: { input: 2500, output: 300 },
    // SimpleQA measures recall without retrieval, which RAG exists to avoid: not used.
    benchmarks: [
      b('livebench-data-analysis'),
      b('livebench-language'),
      b('lmarena-text', 0.5),
      b('drop'),
      b('ifeval', 0.5),
      b('mmlu-pro', 0.5),
      // Vals' and Mercor's own MMLU-Pro runs: independent leaderboards, splitting the makers' id's weight.
      b('vals-mmlu-pro', 0.25),
      b('mercor-mmlu-pro', 0.25),
      // τ³'s banking_knowledge: a support agent answering from a retrieved knowledge base.
      b('tau3-banking', 0.5),
      // Vectara's leaderboard: share of a model's summaries of given articles that HHEM judges faithful to them.
      b('vectara-hhem', 0.5),
      // Artificial Analysis' own runs (benchmarks-aa.json, its site as scraped on 2026-08-08).
      b('aa-tau3-banking', 0.25),
    ],
    floor: 45,
    aliases: ['qa', 'question-answering', 'retrieval-augmented-generation'],
  },
  reranking: {
    id: 'reranking',
    label: 'reranking',
    category: 'reranking',
    needs: [],
    profile: { input: 0, output: 0, docsPerSearch: 50, tokensPerDoc: 300, queryTokens: 30 },
    // Rerankers' MTEB retrieval scores (MTEB-R, CMTEB-R, MMTEB-R: reranking the retriever's top
    // 100) are filed under the retrieval ids, as the cards report them.
    benchmarks: [
      b('beir-ndcg10', 2),
      b('mteb-en-retrieval'),
      b('miracl-ndcg10'),
      b('mteb-reranking'),
      b('mmteb-retrieval', 0.5),
      b('cmteb-retrieval', 0.5),
      b('mldr-ndcg10', 0.5),
      b('cmteb-reranking', 0.5),
    ],
    floor: 35,
    aliases: ['rerank', 'reranker'],
  },
  embedding: {
    id: 'embedding',
    label: 'embedding',
    category: 'embedding',
    needs: [],
    profile: { input: 500, output: 0 },
    benchmarks: [b('mteb-en-retrieval', 2), b('mteb-en-avg'), b('mmteb-avg'), b('beir-ndcg10'), b('miracl-ndcg10', 0.5)],
    floor: 40,
    aliases: ['embeddings', 'embed', 'vectors', 'semantic-search'],
  },
  code: {
    id: 'code',
    label: 'code',
    category: 'chat',
    needs: [],
    profile: { input: 2000, output: 800 },
    benchmarks: [
      b('livebench-coding', 2),
      b('livebench-agentic-coding'),
      // The WebDev arena lists its top 30 only: it ranks strong models against each other.
      b('lmarena-webdev', 0.5),
      b('swe-bench-verified-bash-only', 2),
      b('aider-polyglot'),
      b('swe-bench-verified'),
      // Vals' and Mercor's own SWE-bench Verified runs: independent leaderboards, splitting the makers' id's weight.
      b('vals-swe-bench', 0.5),
      b('mercor-swe-bench-verified', 0.5),
      b('swe-bench-pro'),
      // Scale AI's own SWE-Bench Pro runs (public set, one harness per row): an independent leaderboard.
      b('scale-swe-bench-pro-public'),
      // Scale AI's SWE Atlas (mini-swe-agent rows only): questions about real codebases, and refactoring.
      b('scale-swe-atlas-qna', 0.5),
      b('scale-swe-atlas-refactoring', 0.5),
      b('livecodebench'),
      b('humaneval', 0.5),
      // Artificial Analysis' own runs (benchmarks-aa.json, its site as scraped on 2026-08-08).
      b('aa-livecodebench', 0.5),
      b('aa-scicode', 0.5),
    ],
    floor: 70,
    aliases: ['coding', 'programming', 'software'],
  },
  math: {
    id: 'math',
    label: 'math and reasoning',
    category: 'chat',
    needs: [],
    profile: { input: 500, output: 2000 },
    benchmarks: [
      b('livebench-mathematics', 2),
      b('livebench-reasoning'),
      b('aime-2025'),
      b('gpqa-diamond'),
      // Vals' and Mercor's own GPQA Diamond runs: independent leaderboards, splitting the makers' id's weight.
      b('vals-gpqa', 0.5),
      b('mercor-gpqa-diamond', 0.5),
      // Humanity's Last Exam as Mercor runs it (2,158 expert-written questions, short answers judged
      // by an LLM): a test of its own, no maker's id beside it; hard reasoning across subjects, with
      // some questions needing an image, so it weighs like the older maths sets rather than like GPQA.
      b('mercor-hle', 0.5),
      // Scale AI's own HLE runs (full 2,500-question set): the same test as Mercor's, so the two count once.
      b('scale-hle', 0.5),
      b('aime-2024', 0.5),
      b('math-500', 0.5),
      b('math', 0.5),
      b('gsm8k', 0.25),
      // Artificial Analysis' own runs (benchmarks-aa.json, its site as scraped on 2026-08-08).
      b('aa-gpqa-diamond', 0.5),
      b('aa-hle', 0.5),
      b('aa-aime-2025', 0.5),
    ],
    floor: 72,
    aliases: ['reasoning', 'maths', 'math-and-reasoning'],
  },
  vision: {
    id: 'vision',
    label: 'vision and document understanding',
    category: 'chat',
    needs: ['vision'],
    profile: { input: 1500, output: 300 },
    benchmarks: [
      b('lmarena-vision', 2),
      b('mmmu', 2),
      b('mmmu-pro', 2),
      b('vals-mmmu-pro', 0.5),
      b('mercor-mmmu-pro', 0.5),
      b('mercor-charxiv'),
      b('docvqa'),
      b('chartqa'),
      b('mathvista'),
      // Artificial Analysis' own runs (benchmarks-aa.json, its site as scraped on 2026-08-08).
      b('aa-mmmu-pro', 0.5),
    ],
    floor: 45,
    aliases: ['document', 'documents', 'ocr', 'images', 'document-understanding'],
  },
  translation: {
    id: 'translation',
    label: 'translation',
    category: 'chat',
    needs: [],
    profile: { input: 500, output: 500 },
    benchmarks: [b('wmt24pp', 2), b('flores', 2), b('wmt25-general-en-zh-xcomet'), b('mmmlu'), b('global-mmlu-lite'), b('mgsm', 0.5)],
    floor: 40,
    aliases: ['translate', 'multilingual', 'localization'],
  },
  agentic: {
    id: 'agentic',
    label: 'agentic tool use',
    category: 'chat',
    needs: ['tools'],
    profile: { input: 5000, output: 500 },
    benchmarks: [
      b('livebench-agentic-coding'),
      b('swe-bench-verified-bash-only'),
      b('tau2-bench-retail'),
      b('tau-bench-retail'),
      // τ-bench 1.0.1 as Sierra runs it (one scaffold, one user simulator): airline and telecom
      // beside retail, and τ³'s banking_knowledge domain (tool use over a retrieved policy base).
      b('tau2-bench-airline', 0.5),
      b('tau2-bench-telecom', 0.5),
      b('tau3-banking'),
      b('tau-bench-airline', 0.5),
      // The Arena agent leaderboard lists its top 30 only: it ranks strong models against each other.
      b('lmarena-agent', 0.5),
      // BFCL V4 overall as Berkeley weighs it: web search and memory agents 40%, multi-turn 30%.
      b('bfcl-v4'),
      b('bfcl-v3'),
      b('bfcl-v2', 0.5),
      b('terminal-bench-2.0'),
      // Independent Terminal-Bench runs (Vals AI 2.0 and 2.1, Mercor 2.1, each with the Terminus 2
      // agent) share the makers' id's weight between them.
      b('vals-terminal-bench-2', 0.33),
      b('vals-terminal-bench-2-1', 0.33),
      b('mercor-terminal-bench-2-1', 0.33),
      b('terminal-bench', 0.5),
      // Toolathlon-Verified as its maintainers run it: 108 long multi-step tasks over real MCP servers
      // (mail, calendars, spreadsheets, repositories): tool use itself, so a full weight of its own.
      b('toolathlon'),
      // MCP Atlas as Scale AI runs it (its SEAL board): multi-step tool use over real MCP servers, one harness.
      b('scale-mcp-atlas'),
      // Artificial Analysis' own runs (benchmarks-aa.json, its site as scraped on 2026-08-08).
      b('aa-terminal-bench-hard', 0.33),
      b('aa-terminal-bench-2-1', 0.33),
      b('aa-tau2-telecom', 0.5),
      b('aa-tau3-banking', 0.5),
    ],
    floor: 60,
    aliases: ['agents', 'agent', 'tool-use', 'tools', 'function-calling'],
  },
  'long-document': {
    id: 'long-document',
    label: 'long-document analysis',
    category: 'chat',
    needs: [],
    minContext: 128_000,
    profile: { input: 50_000, output: 1000 },
    benchmarks: [
      b('mrcr', 2),
      b('contextarena-mrcr-v2-8needle'),
      b('longbench-v2', 2),
      b('ruler'),
      b('fiction-livebench'),
      // Artificial Analysis' own long-context reasoning test (AA-LCR, ~100K-token document sets;
      // benchmarks-aalcr.json): a test of its own, not MRCR, LongBench v2 or Fiction.LiveBench.
      b('aa-lcr'),
      // LoCoDiff (AbanteAI's own runs; benchmarks-locodiff.json): long git histories of one file,
      // reconstruct its final state; a real long-context test, but code-only and output-heavy: half.
      b('locodiff', 0.5),
      b('mmlu-pro', 0.5),
    ],
    floor: 45,
    aliases: ['long-context', 'long-documents', 'documents-analysis', 'long-doc'],
  },
};

/** The task a person means: an id or an alias. */
export function findTask(name: string): TaskDef | undefined {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if ((TASK_IDS as readonly string[]).includes(n)) return TASKS[n as TaskId];
  return Object.values(TASKS).find((t) => t.aliases.includes(n));
}
