import { describe, expect, it } from 'vitest';
import { ImportError } from '$lib/io/csv/errors';
import { createSen2ImportClient } from '$lib/client/import';

// A few rows with the real sen2_mi.csv columns (the Node tests use the fixture files).
const MI_HEADER =
	'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,NewallEHC,NewallEHC_pc,NewallEHC_AssnoneEHC_sum,AssnoneEHC,AssnoneEHC_pc,AssnodecisionEHC,AssRefusedEHC,AssRefusedEHC_pc,Assnone,Assnodecision,AssRefused,Mtosi,Sitom,MtoPar,SitoPar,Dislea,Dismet,Disoth,Disleft,MtosiEHC,SitomEHC,MtoParEHC,SitoParEHC,DisleaEHC,DismetEHC,DisothEHC,DisleftEHC,InreqEHC,InreqryaEHC,TotIncExcEHC,IncExc20weekEHC,IncExc20weekRate,TotNoExcEHC,NoExc20weekEHC,NoExc20weekRate,TotIncExc,IncExc26week,TotNoExc,NoExc26week,StatementstoEHC,StatementstoNoEHC,PersonalBudgets,OrgArrangements,DirectPayEducation,DirectPaySocialCare,DirectPayHealth,DirectPayIntegrated,NewEHCMediation,NewEHCTribunal,NewEHCTribunal_pc';
const MI_ROWS = [
	'2021,Calendar year,Local authority,E92000001,England,E12000007,London,314,E09000021,Kingston upon Thames,180,94.2408,191,11,5.75916,77,52,21.6667,z,z,z,z,z,z,z,z,z,z,z,47,33,5,1,23,0,2,4,240,0,180,124,68.900000000000,179,123,68.700000000000,z,z,z,z,z,z,79,3,7,60,12,7,10,2,20',
	'2020,Calendar year,Local authority,E92000001,England,E12000007,London,314,E09000021,Kingston upon Thames,210,95.8904,219,9,4.10959,73,44,19.214,z,z,z,z,z,z,z,z,z,z,z,43,35,1,0,16,2,0,0,229,0,210,183,87.100000000000,208,182,87.500000000000,z,z,z,z,z,z,93,0,6,59,10,18,6,1,16.6667'
];
const miFile = () => new File([`\uFEFF${MI_HEADER}\r\n${MI_ROWS.join('\r\n')}\r\n`], 'sen2_mi.csv');

describe('the SEN2 import worker', () => {
	it('imports a file in a module worker and reports progress', async () => {
		const client = createSen2ImportClient();
		try {
			const fractions: number[] = [];
			const r = await client.importFiles([miFile()], 'Kingston upon Thames', undefined, (p) =>
				fractions.push(p.fraction)
			);
			expect(r.files[0].name).toBe('sen2_mi.csv');
			expect(r.history.requests?.map((x) => [x.year, x.count.value])).toEqual([
				[2020, 229],
				[2021, 240]
			]);
			expect(fractions[fractions.length - 1]).toBe(1);
		} finally {
			client.dispose();
		}
	});

	it('rejects a wrong file with an ImportError that names it', async () => {
		const client = createSen2ImportClient();
		try {
			const wrong = new File(['setting,cost\nA,1\n'], 'costs.csv');
			await expect(client.scan([wrong])).rejects.toBeInstanceOf(ImportError);
			await expect(client.scan([wrong])).rejects.toThrow(/^costs\.csv, row 1: expected a DfE SEN2/);
		} finally {
			client.dispose();
		}
	});
});
