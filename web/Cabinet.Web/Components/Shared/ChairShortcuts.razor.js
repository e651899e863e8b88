// Alt+Shift+<letter> presses the button marked data-shortcut="<name>". The physical key (event.code) is read, so a
// Vietnamese input method or keyboard layout does not change it.
const keys = { KeyN: "next", KeyP: "previous", KeyM: "grant" };
let handler = null;

function typing(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function listen() {
  stop();
  handler = event => {
    const name = keys[event.code];
    if (!name || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    const button = document.querySelector(`[data-shortcut="${name}"]`);
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  };
  document.addEventListener("keydown", handler);
}

export function stop() {
  if (handler) {
    document.removeEventListener("keydown", handler);
    handler = null;
  }
}
