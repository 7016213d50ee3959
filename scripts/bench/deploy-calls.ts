/**
 * Question 4: Cognito and S3 calls per lifecycle event, and wall time of a
 * simulated deployment as clients grow, from the project's Cognito stand-in
 * and CloudFormation lifecycle runner (test/deploy/).
 */
import { Table } from './report';

export async function deployTable(_clientCounts: number[]): Promise<Table> {
  return {
    title: '4. Deploy calls and simulated deployment time',
    method: 'PENDING.',
    header: ['event', 'Cognito calls', 'S3 calls'],
    rows: [],
    notes: ['PENDING'],
  };
}
