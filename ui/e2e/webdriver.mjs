// A small W3C WebDriver client over fetch: just what the end-to-end run
// needs to drive the real Disclose window through tauri-driver.

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export class WebDriver {
  /** @param {string} base e.g. http://127.0.0.1:4444 */
  constructor(base) {
    this.base = base;
    this.session = "";
  }

  async request(method, path, body) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok || (json.value && json.value.error)) {
      const v = json.value || {};
      throw new Error(`${method} ${path}: ${v.error || response.status} ${v.message || ""}`);
    }
    return json.value;
  }

  s(path) {
    return `/session/${this.session}${path}`;
  }

  async start(capabilities) {
    const value = await this.request("POST", "/session", { capabilities: { alwaysMatch: capabilities } });
    this.session = value.sessionId;
  }

  async quit() {
    if (this.session) await this.request("DELETE", this.s("")).catch(() => undefined);
    this.session = "";
  }

  /** Waits until `css` matches an element (and `until(text)` holds, if given). */
  async find(css, { timeout = 20000, until } = {}) {
    const deadline = Date.now() + timeout;
    let last = "";
    for (;;) {
      try {
        const value = await this.request("POST", this.s("/element"), { using: "css selector", value: css });
        const id = value[ELEMENT];
        if (!until) return id;
        last = await this.text(id);
        if (until(last)) return id;
      } catch (e) {
        last = String(e.message || e);
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${css} (last: ${last.slice(0, 300)})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async findAll(css) {
    const value = await this.request("POST", this.s("/elements"), { using: "css selector", value: css });
    return value.map((v) => v[ELEMENT]);
  }

  text(id) {
    return this.request("GET", this.s(`/element/${id}/text`));
  }

  click(id) {
    return this.request("POST", this.s(`/element/${id}/click`), {});
  }

  async type(id, text) {
    await this.request("POST", this.s(`/element/${id}/clear`), {}).catch(() => undefined);
    return this.request("POST", this.s(`/element/${id}/value`), { text });
  }

  /** Presses keys on whatever has focus. */
  keys(text) {
    const actions = [];
    for (const ch of text) actions.push({ type: "keyDown", value: ch }, { type: "keyUp", value: ch });
    return this.request("POST", this.s("/actions"), { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  /** Drags the mouse over an element, from and to offsets (CSS pixels) from its top-left corner. */
  async drag(id, [x0, y0], [x1, y1]) {
    const box = await this.script(
      "const el = arguments[0]; el.scrollIntoView({ block: 'start' }); const r = el.getBoundingClientRect(); return [r.left, r.top];",
      { [ELEMENT]: id },
    );
    const at = (x, y) => ({ type: "pointerMove", origin: "viewport", x: Math.round(box[0] + x), y: Math.round(box[1] + y), duration: 50 });
    const actions = [at(x0, y0), { type: "pointerDown", button: 0 }, at((x0 + x1) / 2, (y0 + y1) / 2), at(x1, y1), { type: "pointerUp", button: 0 }];
    return this.request("POST", this.s("/actions"), {
      actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions }],
    });
  }

  script(body, ...args) {
    return this.request("POST", this.s("/execute/sync"), { script: body, args });
  }

  async asyncScript(body, ...args) {
    return this.request("POST", this.s("/execute/async"), { script: body, args });
  }

  screenshot() {
    return this.request("GET", this.s("/screenshot"));
  }
}
