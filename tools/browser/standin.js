// Stand-in for the API VS Code gives a webview: messages go to the Node test through an exposed
// function, and getState/setState keep state like VS Code does across hide and show.
(function () {
  let state = window.__initialState;
  let acquired = false;
  window.acquireVsCodeApi = function () {
    if (acquired) throw new Error('acquireVsCodeApi may only be called once');
    acquired = true;
    return {
      postMessage: (m) => {
        // For the benchmark: when did the panel first show entries?
        if (m && m.type === 'rendered' && m.rows.length > 0 && window.__firstRenderAt === undefined) window.__firstRenderAt = performance.now();
        window.__toHost(JSON.parse(JSON.stringify(m)));
      },
      getState: () => (state === undefined ? undefined : JSON.parse(JSON.stringify(state))),
      setState: (s) => {
        state = JSON.parse(JSON.stringify(s));
        window.__savedState = state;
      }
    };
  };
})();
