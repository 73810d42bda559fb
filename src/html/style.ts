/** The catalogue's one stylesheet, inlined in every page (no network, works from file://). Allowed by its CSP hash. */
export const STYLESHEET = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg2: #f6f8fa; --bad: #b42318; --ok: #1a7f37; --warn: #9a6700; --ack: #6639ba; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
header.top { padding: 12px 24px; border-bottom: 1px solid var(--line); background: var(--bg2); }
header.top a { color: inherit; text-decoration: none; font-weight: 600; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 26px; margin: 8px 0; } h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); }
h3 { font-size: 17px; margin: 20px 0 6px; } h4 { font-size: 15px; margin: 14px 0 4px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td code { overflow-wrap: anywhere; }
th { background: var(--bg2); font-weight: 600; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--bg2); border: 1px solid var(--line); padding: 8px; overflow: auto; max-height: 480px; white-space: pre-wrap; word-break: break-word; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.ok { color: var(--ok); } .bad { color: var(--bad); } .warn { color: var(--warn); } .ack { color: var(--ack); } .note { color: var(--muted); }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 18px; border-left: 1px dotted var(--line); }
ul.tree { padding-left: 4px; border-left: 0; }
ul.tree li { margin: 2px 0; }
.key { font-weight: 600; } .type { color: #0550ae; } .req { color: var(--bad); font-size: 12px; }
.enum code { background: var(--bg2); padding: 0 3px; margin-right: 4px; border: 1px solid var(--line); border-radius: 3px; }
.desc { color: var(--muted); }
.change { border: 1px solid var(--line); border-left-width: 4px; padding: 6px 10px; margin: 8px 0; }
.change.error { border-left-color: var(--bad); } .change.warning { border-left-color: var(--warn); }
.change.acknowledged { border-left-color: var(--ack); } .change.note { border-left-color: var(--line); }
nav.versions a { margin-right: 10px; }
input.filter { font: inherit; padding: 4px 8px; width: 320px; max-width: 100%; margin: 4px 0; }
details > summary { cursor: pointer; font-weight: 600; }
`;
