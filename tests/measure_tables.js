// Run in the page after it loads: measures every usnz table as the browser laid it out and
// writes the result, as JSON, into a new pre element (id usnz-measured), read back from the dumped DOM.
window.addEventListener("load", () => {
  // The lines a piece of text takes: its text fragments' distinct tops (a wrapped text has two).
  const lines = (node) => {
    const tops = [];
    const texts = node.nodeType === Node.TEXT_NODE ? [node] : [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) texts.push(text);
    for (const text of texts) {
      if (!text.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.push(rect.top);
    }
    tops.sort((a, b) => a - b);
    return tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length;
  };
  // A control: a plain table in JupyterLab's output class, to prove its stylesheet is in force.
  const host = document.createElement("div");
  host.className = "jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output";
  host.innerHTML = "<table><tbody><tr><td>control</td></tr></tbody></table>";
  document.body.appendChild(host);
  const control = getComputedStyle(host.querySelector("td")).textAlign;
  host.remove();
  const tables = [...document.querySelectorAll("table.usnz-table")].map((table) => {
    const pieces = [];  // every element and text node, with the lines it takes
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text) continue;
      const piece = { text, lines: lines(node) };
      if (node.nodeType === Node.ELEMENT_NODE) {
        piece.tag = node.tagName.toLowerCase();
        piece.cut = node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== "visible";
      }
      pieces.push(piece);
    }
    const cells = [...table.querySelectorAll("th, td")].map((cell) => ({
      tag: cell.tagName.toLowerCase(),
      head: cell.closest("thead") !== null,
      column: cell.cellIndex,
      text: cell.textContent.trim(),
      textAlign: getComputedStyle(cell).textAlign,
    }));
    return { className: table.className, inOutput: table.closest(".jp-RenderedHTMLCommon") !== null, cells, pieces };
  });
  const out = document.createElement("pre");
  out.id = "usnz-measured";
  out.textContent = JSON.stringify({ viewport: window.innerWidth, control, tables });
  document.body.appendChild(out);
});
