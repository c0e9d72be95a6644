// The one Zod every form schema is built with: Polish messages for anything a schema does not
// word itself, on the server and in the browser (decision 023). Import z from here, not "zod".
import { z } from "zod";

z.config(z.locales.pl());

export { z };
