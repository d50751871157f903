// jest-dom's matchers (toBeInTheDocument…) for the component tests; setup in jest.config.js.
/// <reference types="@testing-library/jest-dom" />
