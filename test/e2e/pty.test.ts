import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The built binary in a real pseudo-terminal (tmux): no arguments start the wizard, keys are
 * typed, the screen is read. .ci/run installs tmux; elsewhere the test is skipped without it,
 * unless REQUIRE_PTY_TEST is set.
 */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.REQUIRE_PTY_TEST) throw new Error('REQUIRE_PTY_TEST is set but tmux is not installed');

const BIN = join(__dirname, '..', '..', 'bin', 'model-advisor.js');
const sessions: string[] = [];
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = (s: string) => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', s);

async function waitFor(s: string, re: RegExp, ms = 20_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const text = screen(s);
    if (re.test(text)) return text;
    if (Date.now() > end) throw new Error(`timed out waiting for ${re} on screen:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(name: string): string {
  const s = `ma-${name}-${process.pid}`;
  sessions.push(s);
  // After the run: its exit code, then the terminal's line discipline as the next program finds it.
  const cmd = `MODEL_ADVISOR_NO_STALE_WARNING=1 NO_COLOR=1 "${process.execPath}" "${BIN}"; echo "EXIT=$?"; echo "TTY=$(stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' ')"; sleep 60`;
  tmux('new-session', '-d', '-s', s, '-x', '100', '-y', '50', cmd);
  return s;
}

afterEach(() => {
  for (const s of sessions.splice(0)) spawnSync('tmux', ['kill-session', '-t', s]);
});

describe.skipIf(!hasTmux)('the wizard in a real terminal', () => {
  it('answers typed at the prompts give a recommendation and the equivalent command', async () => {
    const s = start('wizard');
    await waitFor(s, /What is the work\?/);
    tmux('send-keys', '-t', s, 'Enter'); // one kind of task
    await waitFor(s, /Which task\?/);
    tmux('send-keys', '-t', s, 'Down', 'Enter'); // extraction
    await waitFor(s, /Volume per/);
    tmux('send-keys', '-t', s, 'Enter'); // day
    await waitFor(s, /Requests per day/);
    tmux('send-keys', '-t', s, 'C-u', '500k', 'Enter');
    await waitFor(s, /Input tokens per request/);
    tmux('send-keys', '-t', s, 'Enter');
    await waitFor(s, /Output tokens per request/);
    tmux('send-keys', '-t', s, 'Enter');
    await waitFor(s, /What does it need\?/);
    tmux('send-keys', '-t', s, 'Enter');
    await waitFor(s, /Budget/);
    tmux('send-keys', '-t', s, 'Enter');
    await waitFor(s, /What matters most\?/);
    tmux('send-keys', '-t', s, 'Enter');
    await waitFor(s, /Providers you can use/);
    tmux('send-keys', '-t', s, 'Enter');
    const text = await waitFor(s, /EXIT=\d+/);
    expect(text).toMatch(/EXIT=0/);
    expect(text).toMatch(/Task: extraction \(structured output\)/);
    expect(text.replace(/ \\\n +/g, ' ')).toMatch(
      /Run this again without the questions:\s+model-advisor recommend --task extraction --requests 500000 --per day --input 1000 --output 200 --prefer balanced/,
    );
  });

  it('Ctrl-C at a prompt exits 130 without a stack trace', async () => {
    const s = start('cancel');
    await waitFor(s, /What is the work\?/);
    // The prompt is drawn a moment before it listens for keys: give it that moment on a loaded machine.
    await new Promise((r) => setTimeout(r, 300));
    tmux('send-keys', '-t', s, 'C-c');
    const text = await waitFor(s, /EXIT=\d+/);
    expect(text).toMatch(/EXIT=130/);
    expect(text).not.toMatch(/\n\s+at |internal error/);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ])('%s from outside, mid-prompt, exits %i and leaves the terminal as it found it', async (signal, code) => {
    const s = start(`sig${code}`);
    await waitFor(s, /What is the work\?/);
    // The prompt has the terminal in raw mode with the cursor hidden (a loaded machine takes a moment).
    const hiddenBy = Date.now() + 5_000;
    while (tmux('display', '-p', '-t', s, '#{cursor_flag}').trim() !== '0' && Date.now() < hiddenBy) await new Promise((r) => setTimeout(r, 50));
    expect(tmux('display', '-p', '-t', s, '#{cursor_flag}').trim()).toBe('0');
    await new Promise((r) => setTimeout(r, 300));
    const shell = tmux('display', '-p', '-t', s, '#{pane_pid}').trim();
    const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]!;
    process.kill(Number(node), signal);
    const text = await waitFor(s, /TTY=.*(icanon|echo)/);
    expect(text).toMatch(new RegExp(`EXIT=${code}\\b`));
    expect(text).not.toMatch(/\n\s+at |internal error/);
    // Canonical mode and echo on, cursor shown.
    const modes = /TTY=(.*)/.exec(text)![1]!.trim().split(/\s+/);
    expect(modes).toEqual(expect.arrayContaining(['icanon', 'echo']));
    expect(tmux('display', '-p', '-t', s, '#{cursor_flag}').trim()).toBe('1');
  });
});
