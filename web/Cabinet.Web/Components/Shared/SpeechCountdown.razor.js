// Counts a speech's remaining time in the browser. Reads the start and limit from the element on every tick, so
// a changed limit shows at once; Blazor never writes the .time span, so the two never fight over it.
const timers = new WeakMap();

function clock(seconds) {
  const m = Math.floor(seconds / 60), s = seconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

export function start(element, serverNow) {
  const offset = serverNow - Date.now();
  const time = element.querySelector(".time");
  const tick = () => {
    const end = Number(element.dataset.startedAt) + Number(element.dataset.limit) * 1000;
    const left = Math.ceil((end - (Date.now() + offset)) / 1000);
    const over = left < 0 && element.dataset.showOverrun === "true";
    time.textContent = left >= 0 ? clock(left) : over ? `quá giờ +${clock(-left)}` : "00:00";
    time.classList.toggle("overrun", over);
    element.dataset.overrun = over ? "true" : "false";
  };
  tick();
  timers.set(element, setInterval(tick, 250));
}

export function stop(element) {
  clearInterval(timers.get(element));
  timers.delete(element);
}
