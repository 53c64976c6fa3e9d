// Run in JupyterLab's page: measures every usnz table of the open notebook as laid out, and returns
// what the JupyterLab test checks (widths, alignment, lines, contrast), as JSON-ready data.
(() => {
  const lines = (node) => {
    const tops = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!text.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.push(rect.top);
    }
    tops.sort((a, b) => a - b);
    return tops.filter((top, i) => i === 0 || top - tops[i - 1] > 4).length;
  };
  const rgb = (colour) => (colour.match(/[\d.]+/g) || []).map(Number);
  const background = (node) => {
    for (let at = node; at; at = at.parentElement) {
      const found = rgb(getComputedStyle(at).backgroundColor);
      if (found.length === 3 || (found.length === 4 && found[3] > 0.5)) return found.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const luminance = ([r, g, b]) => {
    const channel = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const notebook = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer, .jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook");
  const tables = [...document.querySelectorAll(".jp-OutputArea-output table.usnz-table")].map((table) => {
    const area = table.closest(".jp-OutputArea-output");
    const cells = [...table.querySelectorAll("td[data-kind], th[data-kind]")].map((cell) => ({
      kind: cell.dataset.kind,
      head: cell.tagName === "TH",
      text: cell.textContent.trim().slice(0, 200),
      sources: cell.querySelectorAll("br").length + 1,
      align: getComputedStyle(cell).textAlign,
      lines: lines(cell),
      height: cell.getBoundingClientRect().height,
      width: cell.getBoundingClientRect().width,
      contrast: contrast(rgb(getComputedStyle(cell).color), background(cell)),
    }));
    return {
      className: table.className,
      kind: (table.querySelector("caption") || {}).textContent || "",
      width: table.getBoundingClientRect().width,
      right: table.getBoundingClientRect().right,
      room: area.clientWidth,
      areaRight: area.getBoundingClientRect().right,
      cells,
    };
  });
  const sidebar = document.querySelector("#jp-left-stack");
  return {
    viewport: [window.innerWidth, window.innerHeight],
    notebookRight: notebook ? notebook.getBoundingClientRect().right : null,
    notebookWidth: notebook ? notebook.getBoundingClientRect().width : null,
    sidebarOpen: sidebar ? sidebar.getBoundingClientRect().width > 100 : false,
    theme: document.body.dataset.jpThemeName,
    tables,
  };
})()
