import { openPreview, type Session } from "./preview-page";

jest.setTimeout(60_000);

let session: Session;
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

test("the pane's header links to the help page in the pane's language, and the page is served", async () => {
  session = await openPreview("vi");
  const { page } = session;
  const link = page.locator("header.top a.help-link");
  expect(await link.innerText()).toBe("Trợ giúp");
  expect(await link.getAttribute("href")).toBe("help.html#vi");
  const response = await page.request.get(new URL("help.html", page.url()).href);
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('id="vi"');
  await page.locator("#language").selectOption("en");
  await page.locator("header.top a.help-link", { hasText: "Help" }).waitFor();
  expect(await link.getAttribute("href")).toBe("help.html#en");
});
