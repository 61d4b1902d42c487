/**
 * The pane's own fluent-button, fluent-message-bar and fluent-spinner (src/taskpane/elements.ts)
 * behave as the controls they stand for: in the preview page, which registers them as the pane does.
 */
import { openPreview, startTemplate, write, type Session } from "./preview-page";

jest.setTimeout(60_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

test("a focused fluent-button is clicked by Enter and by Space, and shows a focus ring", async () => {
  session = await openPreview("en");
  const { page } = session;
  const open = page.locator(".card fluent-button").first();
  expect(await open.getAttribute("role")).toBe("button");
  expect(await open.getAttribute("tabindex")).toBe("0");
  await open.focus();
  await page.keyboard.press("Enter");
  await page.locator("form.template-form").waitFor();

  const back = page.locator(".form-head fluent-button");
  await back.focus();
  await page.keyboard.press(" ");
  await page.locator(".card fluent-button").first().waitFor();
  expect(await page.locator("form.template-form").count()).toBe(0);

  // Reached by the keyboard, a button draws its focus ring.
  await page.locator("#language").focus();
  await page.keyboard.press("Tab");
  const ring = await page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    return { tag: focused.tagName, outline: getComputedStyle(focused).outlineStyle };
  });
  expect(ring).toEqual({ tag: "FLUENT-BUTTON", outline: "solid" });
});

test("a disabled fluent-button says so and is clicked by neither mouse, keys nor .click()", async () => {
  session = await openPreview("en");
  const { page } = session;
  await page.evaluate(() => {
    const button = document.createElement("fluent-button");
    button.id = "probe";
    button.textContent = "Probe";
    button.setAttribute("disabled", "");
    (window as unknown as { clicks: number }).clicks = 0;
    button.addEventListener("click", () => (window as unknown as { clicks: number }).clicks++);
    document.body.prepend(button);
  });
  const probe = page.locator("#probe");
  expect(await probe.getAttribute("aria-disabled")).toBe("true");
  expect(await probe.getAttribute("tabindex")).toBe("-1");
  await probe.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press(" ");
  await probe.click({ force: true });
  await probe.evaluate((el) => (el as HTMLElement).click());
  expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(0);

  // Enabled again, the same presses click it.
  await probe.evaluate((el) => el.removeAttribute("disabled"));
  expect(await probe.getAttribute("aria-disabled")).toBe("false");
  await probe.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press(" ");
  expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(2);
});

test("the status message bar carries its intent and the role that announces it", async () => {
  session = await openPreview("en");
  const { page } = session;
  await startTemplate(page, "Plan targets");
  const verdict = await write(page);
  expect(verdict.intent).toBe("error");
  expect(await page.locator(".status fluent-message-bar").getAttribute("role")).toBe("alert");

  const roles = await page.evaluate(() =>
    ["info", "success", "warning", "error"].map((intent) => {
      const bar = document.createElement("fluent-message-bar");
      bar.setAttribute("intent", intent);
      document.body.append(bar);
      const role = bar.getAttribute("role");
      const look = getComputedStyle(bar).borderLeftColor;
      bar.remove();
      return { intent, role, look };
    }),
  );
  expect(roles.map(({ intent, role }) => ({ intent, role }))).toEqual([
    { intent: "info", role: "status" },
    { intent: "success", role: "status" },
    { intent: "warning", role: "alert" },
    { intent: "error", role: "alert" },
  ]);
  expect(new Set(roles.map((r) => r.look)).size).toBe(4);
});

test("the spinner is a named progressbar that turns, and stands still when motion is reduced", async () => {
  session = await openPreview("en");
  const { page } = session;
  await page.evaluate(() => {
    const busy = document.createElement("div");
    busy.innerHTML =
      '<fluent-spinner size="tiny" aria-labelledby="probe-text"></fluent-spinner><span id="probe-text">Writing…</span>';
    document.body.prepend(busy);
  });
  const spinner = page.getByRole("progressbar", { name: "Writing…" });
  expect(await spinner.count()).toBe(1);
  expect(await spinner.evaluate((el) => getComputedStyle(el).animationName)).toBe("ht-spin");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await spinner.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
});
