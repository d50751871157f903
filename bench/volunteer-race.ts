// npx tsx bench/volunteer-race.ts [--quick]: only the signup race of the volunteer bench (see
// volunteer.ts), on freshly built functions (npm run build:functions first).
import { signupRace } from './volunteer'

signupRace(process.argv.includes('--quick'))
  .then(({ title, body }) => console.log(`${title}\n${body}`))
  .catch((e) => {
    console.error(e)
    process.exit(1)
  })
